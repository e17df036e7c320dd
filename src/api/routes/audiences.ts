import { Router } from 'express';

export const audiencesRouter = Router();
