// A broker connection failure in words for the owner, with what to do about it.
const CONNACK_WORDS: Record<number, string> = {
  4: "the broker refused Hearth's user name or password",
  5: 'the broker says Hearth is not authorized',
  134: "the broker refused Hearth's user name or password",
  135: 'the broker says Hearth is not authorized',
  136: 'the broker is unavailable',
  137: 'the broker is busy',
  138: 'the broker has banned this client',
};

export function connectionProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && CONNACK_WORDS[code]) {
    return `${CONNACK_WORDS[code]} (check --broker-url's credentials, or run export-broker-config again)`;
  }
  if (code === 'ECONNREFUSED') return 'nothing answers at that address (is the broker running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return "the broker's host name does not resolve";
  if (code === 'EPIPE' || code === 'ECONNRESET') return 'the connection to the broker was lost';
  if (code === 'ETIMEDOUT') return 'the broker did not answer in time';
  if (
    (typeof code === 'string' && code.startsWith('ERR_TLS')) ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  ) {
    return `the broker's TLS certificate is not trusted (${String(code)}); pass its CA with --broker-ca`;
  }
  return error instanceof Error ? error.message : String(error);
}
