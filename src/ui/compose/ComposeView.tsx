/** The compose view's place: the composer itself (templates, keys, signing) is being built. */
export default function ComposeView() {
  return (
    <main className="workbench compose-view" aria-labelledby="compose-title">
      <h2 id="compose-title">Compose a test token</h2>
      <p className="placeholder">The composer is not in this version of the page yet.</p>
    </main>
  )
}
