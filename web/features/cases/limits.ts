/**
 * The contract's limits the report form needs (shared/contracts/cases.ts). Repeated here because importing the
 * contract module brings Zod into the report page's first load; limits.test.ts keeps the two equal.
 */
export const MAX_CASE_PHOTOS = 5;
export const MAX_CASE_DESCRIPTION = 4000;
