// Test vectors published by other projects, copied verbatim with where they come from. They are
// inputs for unit and e2e tests; the tests assert what the page makes of them.

/**
 * RFC 9449 §4.1 Figure 3: a DPoP proof for a token request (POST https://server.example.com/token).
 * Its signature verifies with the embedded jwk (checked with node crypto, ES256), and the key's
 * RFC 7638 thumbprint is DPOP_JKT.
 */
export const DPOP_PROOF_FIG3 =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'
/** RFC 9449 §6.1 Figure 7 (the thumbprint the example access token's cnf.jkt carries). */
export const DPOP_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
/** RFC 9449 §7.1 Figure 13: a proof sent with the access token DPOP_ACCESS_TOKEN (GET https://resource.example.org/protectedresource). */
export const DPOP_PROOF_FIG13 =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA'
/** RFC 9449 §7.1: the (opaque) access token of Figure 12, whose hash is Figure 13's ath. */
export const DPOP_ACCESS_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
export const DPOP_ATH = 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo'

/**
 * spiffe/spiffe standards/WIT-SVID.md Appendix A (at 665a28f3253ecdce59f26f3ef29c0d6408b37c3d):
 * a WIT-SVID for spiffe://example.com/my-workload. The issuer's key is not published, so it can
 * only be decoded.
 */
export const WIT_SVID_APPENDIX_A =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImxRU2kzaFpGbmRhMkQtWEprajF6bDdmb0pvdWl3STRuckF5aHk0alppSmciLCJ0eXAiOiJ3aXQrand0In0.eyJjbmYiOnsiandrIjp7ImFsZyI6IkVTMjU2IiwiY3J2IjoiUC0yNTYiLCJrdHkiOiJFQyIsIngiOiJyelA3bUxDS0FIV21zTTZYMEV3VklTQ19oSTN1amN1OTVmZlVreWVER0dvIiwieSI6InVPcmZEbGp0WDltM2pZLWhzeWhMSllheHRHa3pEdjVlNWttQ2U1OFo5N2cifX0sImV4cCI6MTc2NTQ1NjUwMywiaWF0IjoxNzY1NDUyOTAzLCJqdGkiOiIxeWoxOVY0TWNPQXpNY0ZpN3F2c2dfQWdDeGxyWTVFX3g1MDl3bEtLUXRjIiwic3ViIjoic3BpZmZlOi8vZXhhbXBsZS5jb20vbXktd29ya2xvYWQifQ.sfhEvZNdY_kWrICF08lX0u__rn39YnTavnW-VPBS20zgowDh6-X43v5eOUKZbjZf06yLBQM-Mry5w1g1QFsCkg'

/**
 * cluster-bootstrap token/util/helpers_test.go TestIsValidBootstrapToken, lines 81-97
 * (kubernetes/cluster-bootstrap at 8ac616c9e85c5b54586cec293082e202d6d986c8).
 */
export const BOOTSTRAP_TOKEN_TABLE: [token: string, valid: boolean][] = [
  ['', false],
  ['.', false],
  ['1234567890123456789012', false],
  ['12345.1234567890123456', false],
  ['.1234567890123456', false],
  ['123456.', false],
  ['123456:1234567890.123456', false],
  ['abcdef:1234567890123456', false],
  ['Abcdef.1234567890123456', false],
  ['123456.AABBCCDDEEFFGGHH', false],
  ['123456.AABBCCD-EEFFGGHH', false],
  ['abc*ef.1234567890123456', false],
  ['abcdef.1234567890123456', true],
  ['123456.aabbccddeeffgghh', true],
  ['ABCDEF.abcdef0123456789', false],
  ['abcdef.abcdef0123456789', true],
  ['123456.1234560123456789', true],
]

/** aws-iam-authenticator pkg/token/token_test.go `toToken` (at 81b1daba00d194c00d3cdd8b0a0fece5ba648d4e). */
export const eksToken = (url: string) => `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`

/**
 * token_test.go `validURL`, with `timeStr` fixed: a presigned GetCallerIdentity URL as clients
 * write it (its credential scope says s3, as upstream's does; the verifier does not check it).
 */
export const EKS_VALID_URL = (timeStr: string) =>
  `https://sts.amazonaws.com/?action=GetCallerIdentity&X-Amz-Credential=ASIABCDEFGHIJKLMNOPQ%2F20191216%2Fus-west-2%2Fs3%2Faws4_request&x-amz-signedheaders=x-k8s-aws-id&x-amz-expires=60&x-amz-date=${timeStr}`

/**
 * token_test.go TestVerifyTokenPreSTSValidations (lines 275-300): tokens the verifier refuses
 * before calling STS, with the message it refuses them with. `timeStr` stands for a current date.
 */
export const EKS_PRE_STS_CASES = (timeStr: string): [token: string, message: string][] => [
  ['k8s-aws-v1.decodingerror', 'illegal base64 data'],
  [eksToken('http://'), 'unexpected scheme'],
  [eksToken('https://sts.cn-north-1.amazonaws.com.cn/abc'), 'unexpected path in pre-signed URL'],
  [eksToken('https://sts.amazonaws.com/abc'), 'unexpected path in pre-signed URL'],
  [eksToken('https://sts.amazonaws.com/?NoInWhiteList=abc'), 'non-whitelisted query parameter'],
  [eksToken('https://sts.amazonaws.com/?action=get&action=post'), 'query parameter with multiple values not supported'],
  [eksToken('https://sts.amazonaws.com/?action=NotGetCallerIdenity'), 'unexpected action parameter in pre-signed URL'],
  [
    eksToken('https://sts.amazonaws.com/?action=GetCallerIdentity&x-amz-signedheaders=abc%3bx-k8s-aws-i%3bdef'),
    'client did not sign the x-k8s-aws-id header in the pre-signed URL',
  ],
  [
    eksToken(
      `https://sts.amazonaws.com/?action=GetCallerIdentity&x-amz-signedheaders=x-k8s-aws-id&x-amz-date=${timeStr}&x-amz-expires=9999999`,
    ),
    'invalid X-Amz-Expires parameter in pre-signed URL',
  ],
  [
    eksToken(
      'https://sts.amazonaws.com/?action=GetCallerIdentity&x-amz-signedheaders=x-k8s-aws-id&x-amz-date=xxxxxxx&x-amz-expires=60',
    ),
    'error parsing X-Amz-Date parameter',
  ],
  [
    eksToken(
      `https://sts.sa-east-1.amazonaws.com/?action=GetCallerIdentity&x-amz-signedheaders=x-k8s-aws-id&x-amz-date=${timeStr}&x-amz-expires=60%gh`,
    ),
    'malformed query parameter',
  ],
  [
    eksToken(
      `https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAAAAAAAAAAAAAAAAA%2F20220601%2Fus-west-2%2Fsts%2Faws4_request&X-Amz-Date=${timeStr}&X-Amz-Expires=900&X-Amz-Security-Token=XXXXXXXXXXXXX&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&x-amz-credential=eve&X-Amz-Signature=999999999999999999`,
    ),
    'duplicate query parameter found:',
  ],
]

/** The same test's tokens that pass every pre-STS check (regional endpoints). */
export const EKS_PRE_STS_VALID = (timeStr: string): string[] =>
  ['us-east-2', 'ap-northeast-2', 'ca-central-1', 'eu-west-1', 'sa-east-1'].map((r) =>
    eksToken(
      `https://sts.${r}.amazonaws.com/?action=GetCallerIdentity&x-amz-signedheaders=x-k8s-aws-id&x-amz-date=${timeStr}&x-amz-expires=60`,
    ),
  )

/**
 * kubectl pkg/cmd/auth/whoami_test.go, "JSON test" (kubernetes/kubectl at
 * dee3483a3d6a64c07fdf746caf80af446dee99ac, lines 74-100): what `kubectl auth whoami -o json` prints.
 */
export const WHOAMI_JSON = `{
    "kind": "SelfSubjectReview",
    "apiVersion": "authentication.k8s.io/v1",
    "metadata": {},
    "status": {
        "userInfo": {
            "username": "jane.doe",
            "uid": "uniq-id",
            "groups": [
                "students",
                "teachers"
            ],
            "extra": {
                "skills": [
                    "reading",
                    "learning"
                ],
                "subjects": [
                    "math",
                    "sports"
                ]
            }
        }
    }
}
`
/** The same test's table output (lines 55-66). */
export const WHOAMI_TABLE = [
  'ATTRIBUTE         VALUE',
  'Username          jane.doe',
  'UID               uniq-id',
  'Groups            [students teachers]',
  'Extra: skills     [reading learning]',
  'Extra: subjects   [math sports]',
  '',
].join('\n')

/**
 * k/k pkg/volume/csi/csi_mounter_test.go: the CSI token map with the empty audience and a token
 * that is a placeholder, not a JWT (search index ids 114350941, 1227123654; no commit resolved).
 */
export const CSI_EMPTY_AUDIENCE =
  '{"":{"token":"test-ns:test-service-account:3600:[api]","expirationTimestamp":"1970-01-01T00:00:01Z"}}'

/**
 * apiserver pkg/authentication/token/tokenfile/tokenfile_test.go lines 29-36 (24a394e5): rows of
 * a static token file, whose tokens have no shape of their own.
 */
export const STATIC_TOKEN_ROWS = [
  'token1,user1,uid1',
  'token3,user3,uid3,"group1,group2"',
  'token7,user7,uid7,"group1,group2",otherdata',
]
