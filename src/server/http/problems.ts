// Errors as RFC 9457 problem+json. Handlers throw HttpProblem; the error handler turns anything
// else into a 4xx where the cause is the request, and only a real fault into a logged 500.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Problem } from '../../shared/api.ts';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly slug: string = 'about:blank',
    readonly errors?: Problem['errors'],
    /** Extra members of the problem object (RFC 9457 §3.2): legalBasis, proposeTo, current. */
    readonly extra: Pick<Problem, 'legalBasis' | 'proposeTo' | 'current'> = {},
  ) {
    super(detail ?? title);
  }
  toProblem(instance?: string): Problem {
    return {
      type: this.slug === 'about:blank' ? this.slug : `/problems/${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (what = 'Resursen') => new HttpProblem(404, 'Hittades inte', `${what} finns inte eller har tagits bort.`, 'not-found');
export const unauthenticated = () => new HttpProblem(401, 'Inte inloggad', 'Logga in för att fortsätta. Sessionen kan ha gått ut.', 'unauthenticated');
export const forbidden = (detail: string, slug = 'forbidden') => new HttpProblem(403, 'Åtkomst nekad', detail, slug);
/** The request is valid but the case is not in a state that allows it (a refused process step, a stale version). */
export const conflict = (detail: string, slug = 'conflict', extra: HttpProblem['extra'] = {}) => new HttpProblem(409, 'Kan inte genomföras', detail, slug, undefined, extra);
export const badRequest = (detail: string, errors?: Problem['errors']) => new HttpProblem(400, 'Ogiltig begäran', detail, 'invalid-request', errors);

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function fromFastifyError(err: FastifyError): HttpProblem | null {
  if (err.validation) {
    const where = err.validationContext ?? 'body';
    const errors = err.validation.map((v) => ({
      path: `${where}${v.instancePath || (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '')}`,
      message: v.message ?? 'ogiltigt värde',
    }));
    return badRequest(`Rätta fälten nedan och försök igen (${errors.map((e) => e.path).join(', ')}).`, errors);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'För stor begäran', 'Innehållet är större än vad som tas emot.', 'too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'Fel innehållstyp', 'Skicka JSON med Content-Type: application/json.', 'unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('Innehållet är tomt men Content-Type säger JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('Innehållet är inte giltig JSON.');
  }
  if (err instanceof SyntaxError) return badRequest('Innehållet är inte giltig JSON.');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new HttpProblem(err.statusCode, 'Ogiltig begäran', err.message, 'invalid-request');
  }
  return null;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = err instanceof HttpProblem ? err : fromFastifyError(err);
    if (problem) {
      return reply.status(problem.status).type(PROBLEM_TYPE).send(problem.toProblem(req.url.split('?')[0]));
    }
    req.log.error({ err }, 'unhandled error');
    // With logging off (tests), a real fault must still be visible to whoever runs them.
    if (process.env.VITEST) console.error('unhandled error', req.method, req.url, err);
    return reply.status(500).type(PROBLEM_TYPE)
      .send(new HttpProblem(500, 'Något gick fel', 'Ett oväntat fel inträffade. Inget av det du skickat har sparats; försök igen.').toProblem());
  });
}

export function sendNotFound(reply: FastifyReply, url: string) {
  return reply.status(404).type(PROBLEM_TYPE).send(notFound('Adressen').toProblem(url.split('?')[0]));
}
