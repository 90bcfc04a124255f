export function PrivacyNotice() {
  return (
    <p className="privacy" role="note">
      <strong>Decoded locally.</strong> Your token never leaves this browser: nothing is uploaded, fetched or stored.
      Decoding is not verifying: anyone can write any claims into a token, so trust them only once the signature checks
      out against a key you trust.
    </p>
  )
}
