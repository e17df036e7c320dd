import { Router } from 'express';

export const webhooksRouter = Router();
