export * from './types.ts';
export * from './suppress.ts';
export * from './publish.ts';
