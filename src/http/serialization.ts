import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer'];
type SerializerCompiler = ReturnType<NonNullable<SerializerFactory>>;
type Route = Parameters<SerializerCompiler>[0];

const require = createRequire(import.meta.url);

/**
 * Fastify's own response serializers (fast-json-stringify, through the same compiler Fastify
 * uses by default), each compiled at its route's first response instead of at start-up: compiling
 * every route's serializer was the largest part of start-up (about a third of its CPU) and
 * megabytes of generated code in the heap for routes an instance may never answer. The compiler
 * itself is loaded with the first response that needs one. What a response looks like does not
 * change: the same schemas, options and compiler.
 */
export const lazySerializers: NonNullable<SerializerFactory> = (externalSchemas, options) => {
  let compiler: SerializerCompiler | null = null;
  const compile = (route: Route): ((data: unknown) => string) => {
    if (!compiler) {
      const { SerializerSelector } = require('@fastify/fast-json-stringify-compiler') as typeof import('@fastify/fast-json-stringify-compiler');
      compiler = SerializerSelector()(externalSchemas, options) as SerializerCompiler;
    }
    return compiler(route);
  };
  return (route) => {
    let serialize: ((data: unknown) => string) | null = null;
    return (data: unknown) => (serialize ??= compile(route))(data);
  };
};
