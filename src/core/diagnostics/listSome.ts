/** Items a message lists by name before it counts the rest. */
export const LISTED_ITEMS = 10

/**
 * `items` joined for a message, the first `max` by name and the rest as a count ("a, b and
 * 29,998 more"): a message names what the token holds, and a token can hold 30,000 audiences,
 * each of which would otherwise be laid out in the banner and the summary card.
 */
export function listSome(items: readonly string[], max = LISTED_ITEMS): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${(items.length - max).toLocaleString('en')} more`
}
