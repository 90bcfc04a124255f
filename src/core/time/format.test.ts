import { describe, expect, it } from 'vitest'
import { spellDuration } from './duration.ts'
import { relativePhrase, zonedForm } from './format.ts'
import { toIsoUtc } from './iso.ts'

describe('toIsoUtc', () => {
  it('gives the seed exp as the test hook expects', () => {
    expect(toIsoUtc(1692445741)).toBe('2023-08-19T11:49:01Z')
  })
  it('keeps a fraction only when the value has one', () => {
    expect(toIsoUtc(1692445741.5)).toBe('2023-08-19T11:49:01.5Z')
    expect(toIsoUtc(1692445741.125)).toBe('2023-08-19T11:49:01.125Z')
    expect(toIsoUtc(1692445741.0)).toBe('2023-08-19T11:49:01Z')
    expect(toIsoUtc(-0.5)).toBe('1969-12-31T23:59:59.5Z')
  })
  it('refuses instants outside the years 0001–9999', () => {
    expect(toIsoUtc(253402300799)).toBe('9999-12-31T23:59:59Z')
    expect(toIsoUtc(253402300800)).toBeUndefined()
    expect(toIsoUtc(1692445741000)).toBeUndefined()
    expect(toIsoUtc(Number.NaN)).toBeUndefined()
  })
})

describe('zonedForm', () => {
  it('shows the seed exp in Paris summer time', () => {
    expect(zonedForm(1692445741, 'Europe/Paris', 'en-GB')).toEqual({
      dateTime: '19 Aug 2023, 13:49:01',
      offset: 'UTC+02:00',
      zone: 'Europe/Paris',
      zoneName: 'Central European Summer Time',
    })
  })
  it('crosses the spring-forward boundary in Paris (2023-03-26 01:00 UTC)', () => {
    const before = zonedForm(1679792399, 'Europe/Paris', 'en-GB')
    const after = zonedForm(1679792400, 'Europe/Paris', 'en-GB')
    expect(before?.dateTime).toBe('26 Mar 2023, 01:59:59')
    expect(before?.offset).toBe('UTC+01:00')
    expect(after?.dateTime).toBe('26 Mar 2023, 03:00:00')
    expect(after?.offset).toBe('UTC+02:00')
  })
  it('shows the repeated hour of the New York fall-back with two offsets', () => {
    const edt = zonedForm(1699163999, 'America/New_York', 'en-GB')
    const est = zonedForm(1699164000, 'America/New_York', 'en-GB')
    expect(edt?.dateTime).toBe('5 Nov 2023, 01:59:59')
    expect(edt?.offset).toBe('UTC-04:00')
    expect(est?.dateTime).toBe('5 Nov 2023, 01:00:00')
    expect(est?.offset).toBe('UTC-05:00')
  })
  it('handles half-hour zones and UTC', () => {
    expect(zonedForm(0, 'Asia/Kolkata', 'en-GB')?.offset).toBe('UTC+05:30')
    expect(zonedForm(0, 'UTC', 'en-GB')).toMatchObject({
      dateTime: '1 Jan 1970, 00:00:00',
      offset: 'UTC+00:00',
      zone: 'UTC',
    })
  })
  it('keeps milliseconds of a fractional value', () => {
    expect(zonedForm(1692445741.25, 'UTC', 'en-GB')?.dateTime).toBe('19 Aug 2023, 11:49:01.250')
  })
  it('returns undefined for an unknown zone or an impossible date', () => {
    expect(zonedForm(0, 'Mars/Olympus_Mons', 'en-GB')).toBeUndefined()
    expect(zonedForm(1e15, 'UTC', 'en-GB')).toBeUndefined()
  })
})

describe('relativePhrase', () => {
  const now = 1700000000
  it.each([
    [now + 47 * 60 + 59, 'in 47 minutes'],
    [now - 3 * 365 * 86400 - 5, '3 years ago'],
    [now, 'now'],
    [now + 1, 'in 1 second'],
    [now - 86400, 'yesterday'],
    [now + 2 * 3600, 'in 2 hours'],
  ])('%i reads "%s"', (t, phrase) => {
    expect(relativePhrase(t, now, 'en-GB')).toBe(phrase)
  })
})

describe('spellDuration', () => {
  it.each([
    [31536000, '1 year'],
    [3607, '1 h 0 min 7 s'],
    [600, '10 min'],
    [3600, '1 h'],
    [0, '0 s'],
    [7.5, '7.5 s'],
    [-90, '1 min 30 s'],
    [2 * 31536000 + 86400 * 3, '2 years 3 days'],
    [2886.4, '48 min 6.4 s'],
  ])('%d s is "%s"', (s, text) => {
    expect(spellDuration(s)).toBe(text)
  })
})
