/** An error rejects the upload; a query is reported and does not block it (the DfE's two severities). */
export type Severity = 'error' | 'query';
