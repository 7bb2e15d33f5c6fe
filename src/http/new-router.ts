import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { validationHook } from './errors.ts';

/** A sub-app for one resource, validating with the shared hook. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
