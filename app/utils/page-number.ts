/** The highest page number a list accepts; anything else (beyond it, negative, not a number) means page 1. */
export const MAX_PAGE = 100_000;

/** `?page=` as a list page number: a whole number from 1 to MAX_PAGE, otherwise 1 — never an error. */
export function pageNumber(value: string | null | undefined): number {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return 1;
  const page = Number(value.trim());
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
