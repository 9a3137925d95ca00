import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/** Chinese messages for request-schema failures, naming the field (Product standards: bad input names the field). */
export function describeValidation(errors: FastifySchemaValidationError[], context: string) {
  const fields = errors.map((e) => {
    const params = e.params as Record<string, unknown>;
    const base = `${context}${e.instancePath ? e.instancePath.replace(/\//g, '.') : ''}`;
    const field = params.missingProperty ? `${base}.${params.missingProperty}` : base;
    const name = field.replace(/^(body|querystring|params)\.?/, '') || context;
    const message = (() => {
      switch (e.keyword) {
        case 'required':
          return `缺少必填字段：${name}`;
        case 'type':
          return `字段 ${name} 的类型应为 ${params.type}`;
        case 'enum':
          return `字段 ${name} 的取值无效，可选：${(params.allowedValues as unknown[]).join('、')}`;
        case 'additionalProperties':
          return `不认识的字段：${name ? `${name}.` : ''}${params.additionalProperty}`;
        case 'minimum':
        case 'exclusiveMinimum':
          return `字段 ${name} 不能小于 ${params.limit}`;
        case 'maximum':
        case 'exclusiveMaximum':
          return `字段 ${name} 不能大于 ${params.limit}`;
        case 'minLength':
          return `字段 ${name} 不能为空或过短`;
        case 'maxLength':
          return `字段 ${name} 过长（最多 ${params.limit} 个字符）`;
        case 'pattern':
        case 'format':
          return `字段 ${name} 的格式不正确`;
        case 'minItems':
          return `字段 ${name} 至少需要 ${params.limit} 项`;
        default:
          return `字段 ${name} 无效（${e.message ?? e.keyword}）`;
      }
    })();
    return { field: name, message };
  });
  return { message: fields.map((f) => f.message).join('；'), fields };
}
