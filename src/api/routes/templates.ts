import { Router } from 'express';

export const templatesRouter = Router();
