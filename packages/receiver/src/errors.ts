// One error shape for every answer that is not a success, `{errors: {<field>: <code>}}`: the receiver's
// own refusals, fastify's (bad JSON, 413, 415, a URL that does not decode, 404) and Node's (a malformed
// request, header overflow, timeout). None of them echoes the URL, a header or the body back.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { BUSY_RETRY_AFTER_S, isBusy, StoreBusyError } from './busy.js';
import { fieldErrors } from './schema.js';
import type { SchemaError } from './schema.js';

/** `{errors: {field: code}}`, the one error shape of this API. */
export const errorBody = (field: string, code: string) => ({ errors: { [field]: code } });

/** Codes for the errors fastify and its plugins raise before a handler runs. */
const STATUS_CODES: Record<number, [string, string]> = {
  400: ['body', 'json'], // unparsable JSON (schema errors are mapped field by field instead)
  413: ['body', 'too-large'],
  415: ['body', 'not-json'],
  429: ['rate', 'rate-limited'],
};

/** Errors before routing (fastify's frameworkErrors option): a URL that does not decode, a huge param. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too-long' : 'invalid';
  void reply.status(400).send(errorBody('url', code));
}

/**
 * Node's clientError (fastify's clientErrorHandler option): a request that is not HTTP, headers over the
 * limit, a timeout. Written on the raw socket in the same shape, then the socket is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, body] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', errorBody('request', 'timeout')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', errorBody('headers', 'too-large')]
        : [400, 'Bad Request', errorBody('request', 'malformed')];
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}

/** The error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      reply.status(400).send({ errors: fieldErrors(error.validation as SchemaError[]) });
      return;
    }
    if (error instanceof StoreBusyError || isBusy(error)) {
      // Another process holds SQLite's write lock (busy.ts): the form's outbox retries after this.
      request.log.warn({ code: 'SQLITE_BUSY' }, 'database locked, answered 503');
      reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
      reply.status(503).send(errorBody('store', 'busy'));
      return;
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const [field, code] = STATUS_CODES[status] ?? (status >= 500 ? ['body', 'server'] : ['body', 'invalid']);
    reply.status(status).send(errorBody(field, code));
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send(errorBody('route', 'not-found'));
  });
}
