/**
 * Folds Vietnamese text for search: lower case, tone marks and vowel hats removed, đ → d, spaces collapsed.
 * "Tân An" and "tan an" fold to the same string. Used at index time and on the query, on both dialects,
 * so SQLite and PostgreSQL search the same way without unaccent/FTS differences.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
