import { Router } from 'express';

export const domainsRouter = Router();
