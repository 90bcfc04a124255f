/** The issuer's host, or the issuer as written when it is no URL. */
export function issuerHost(iss: string): string {
  try {
    return new URL(iss).host || iss
  } catch {
    return iss
  }
}
