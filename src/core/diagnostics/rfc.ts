// The links to RFC sections: the part of specRefs.ts that the start-up codes and decoding use,
// kept apart so that the other documents' links load with the checks that cite them.

/** A pointer into a specification, shown as a link next to the message. */
export interface SpecRef {
  label: string
  url: string
}

const RFC = 'https://www.rfc-editor.org/rfc/'

/** Builds a spec reference to an RFC section, e.g. `rfc(7519, '4.1.4')`. */
export function rfc(num: number, section?: string, appendix = false): SpecRef {
  if (!section) return { label: `RFC ${num}`, url: `${RFC}rfc${num}` }
  const anchor = appendix ? `appendix-${section}` : `section-${section}`
  return {
    label: `RFC ${num} ${appendix ? 'Appendix' : '§'}${appendix ? ' ' : ''}${section}`,
    url: `${RFC}rfc${num}#${anchor}`,
  }
}
