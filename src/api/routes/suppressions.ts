import { Router } from 'express';

export const suppressionsRouter = Router();
