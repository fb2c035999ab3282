/**
 * Imported first by `npm start`, before any module that builds the Powertools singletons reads the environment:
 * local runs log warnings and errors only and print no EMF lines (set POWERTOOLS_LOG_LEVEL=INFO to see them all).
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// The SDK warns on Node 20 that releases after January 2027 need Node 22; our versions are pinned (README).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
