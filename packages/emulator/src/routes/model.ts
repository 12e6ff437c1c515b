import type { EvaluationRequest } from '@licensedesk/sdk/model';
import { notFound } from '../errors.js';
import { modelService } from '../pools/index.js';
import type { RouteHandlers } from './types.js';

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return '';
}

export const handlers: RouteHandlers = {
  getModelDefinition(ctx, _request, reply) {
    const text = modelService(ctx).text();
    if (text === null) throw notFound('glsErr.noModel', 'No model definition is active.');
    return reply.type('text/plain; charset=utf-8').send(text);
  },

  getModelStatus(ctx) {
    return modelService(ctx).status();
  },

  uploadModelDefinition(ctx, request) {
    const status = modelService(ctx).upload(bodyText(request.body));
    ctx.licensing.invalidate();
    ctx.log.info({ model: status.name, size: status.size }, 'model definition uploaded');
    return status;
  },

  deleteModelDefinition(ctx, _request, reply) {
    modelService(ctx).delete();
    ctx.licensing.invalidate();
    return reply.code(204).send();
  },

  evaluateModel(ctx, request) {
    const body = request.body as EvaluationRequest;
    const evaluation = modelService(ctx).evaluate(body);
    ctx.log.info(
      { hostId: body.hostId, decision: evaluation.decision, pools: evaluation.pools, rule: evaluation.rule?.line ?? null },
      evaluation.rule ? `model rule at line ${evaluation.rule.line} matched` : 'implicit default rule applied',
    );
    return evaluation;
  },
};
