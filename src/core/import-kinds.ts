/**
 * @module import-kinds
 * The three kinds of document the link imports, named once for the schema, the pages and the API
 * (which may not import the store).
 */
export const IMPORT_KINDS = ['payslip', 'journal', 'tax_return'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
