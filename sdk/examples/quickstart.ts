import { createSendoka } from '../src/index.js';

const baseUrl = process.env.SENDOKA_API_URL ?? 'http://localhost:3000';
const platform = createSendoka({ baseUrl, apiKey: process.env.SENDOKA_API_KEY! }); // a platform-root key
const tenant = await platform.tenants.create({ name: 'Acme Corp', slug: `acme-${Date.now()}` });
const domain = await platform.domains.create({ name: `acme-${Date.now()}.example.com`, tenant_id: tenant.id });
console.table(domain.dns_records); // publish these, then: await platform.domains.verify(domain.id)
const key = await platform.keys.create({ name: 'Acme (test)', tenant_id: tenant.id, environment: 'test' });
const acme = createSendoka({ baseUrl, apiKey: key.secret }); // a test key sends from a pending domain, to the simulator
const sent = await acme.emails.send({ from: `hello@${domain.name}`, to: 'delivered@simulator.sendoka.com', subject: 'Hi', text: 'Hello' });
console.log(sent.id, (await acme.messages.get(sent.id)).status);
