import { Router } from 'express';

export const usageRouter = Router();
