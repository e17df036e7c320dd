// The baseline the send API is compared with: Express 5 that only parses JSON and answers 202.
import express from 'express';

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/api/v1/emails', (_req, res) => {
  res.status(202).json({ id: 'msg_baseline', status: 'queued' });
});
app.listen(Number(process.argv[2] ?? 3901));
