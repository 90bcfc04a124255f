/** Narrows the claim and header rows by name, title or value; `/` focuses it, Esc clears it. */
export function ClaimFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="claim-filter">
      <label htmlFor="claim-filter-input">Filter claims and header parameters</label>
      <input
        id="claim-filter-input"
        type="search"
        data-testid="claim-filter"
        value={value}
        placeholder="name, title or value (/ from anywhere, Esc clears)"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onChange('')}
      />
    </div>
  )
}
