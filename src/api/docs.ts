import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

const swaggerUiAssets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * The API reference at /docs: Swagger UI rendering /api/v1/openapi.json, with try-it-out authorised by an API
 * key (Authorize, bearer). Its assets are served from node_modules, so the page loads no third-party script.
 */
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sendoka API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  deepLinking: true,
  persistAuthorization: true,
  // Its validator is a third-party service that would be sent this document.
  validatorUrl: null,
});
</script>
</body>
</html>
`;

export function docsRouter() {
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.use('/assets', express.static(swaggerUiAssets, { index: false, maxAge: '1d' }));
  return router;
}
