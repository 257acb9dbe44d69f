import type { core } from 'zod';

/**
 * Turns a zod issue into a field error code and parameters, the same on the server (API error
 * bodies) and in the web app (form messages), so one catalog (i18n/<locale>/errors.json → field.*)
 * words every message. Custom rules in our schemas put their code in `message`
 * (e.g. `corporate_number_check_digit`).
 */
export function describeIssue(issue: core.$ZodIssue): { path: string; code: string; params?: Record<string, string | number> } {
  const path = issue.path.map(String).join('.');
  if (isOwnCode(issue.message)) {
    const params: Record<string, string | number> = {};
    if ('minimum' in issue) params.minimum = Number(issue.minimum);
    if ('maximum' in issue) params.maximum = Number(issue.maximum);
    return { path, code: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const missing = 'input' in issue && (issue.input === undefined || issue.input === null);
      if (missing) return { path, code: 'required' };
      if (issue.expected === 'int' && 'input' in issue && typeof issue.input === 'number') return { path, code: 'not_integer' };
      if (issue.expected === 'number' || issue.expected === 'int') return { path, code: 'invalid_number' };
      if (issue.expected === 'date') return { path, code: 'invalid_date' };
      return { path, code: 'invalid' };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { path, code: 'required' } : { path, code: 'too_short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { path, code: 'required' };
      return { path, code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array') return { path, code: 'too_long', params: { maximum } };
      return { path, code: 'too_big', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { path, code: 'invalid_email' };
      if (issue.format === 'date' || issue.format === 'datetime') return { path, code: 'invalid_date' };
      return { path, code: isOwnCode(issue.message) ? issue.message : 'invalid_format' };
    case 'unrecognized_keys':
      return { path: [...issue.path.map(String), issue.keys[0] ?? ''].filter(Boolean).join('.'), code: 'unknown_field' };
    case 'invalid_value':
      return { path, code: 'invalid_choice' };
    case 'custom':
      return { path, code: isOwnCode(issue.message) ? issue.message : 'invalid', params: issue.params as Record<string, string | number> | undefined };
    default:
      if (issue.code === 'not_multiple_of') return { path, code: 'invalid_number' };
      return { path, code: isOwnCode(issue.message) ? issue.message : 'invalid' };
  }
}

/** Our own codes are snake_case words; zod's default messages are English sentences. */
function isOwnCode(message: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(message);
}
