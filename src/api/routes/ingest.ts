import { Router } from 'express';

export const ingestRouter = Router();
