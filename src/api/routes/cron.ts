import { Router } from 'express';

export const cronRouter = Router();
