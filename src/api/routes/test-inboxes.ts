import { Router } from 'express';

export const testInboxesRouter = Router();
