import type { ColumnType } from 'kysely';
import type { KeyEnvironment } from './api-keys.js';

type VariableValue = string | number | boolean;

export interface TemplateVariable {
  name: string;
  /** Used when a render leaves the variable out; without one the variable is required. */
  default?: VariableValue;
}

export interface TemplateTable {
  id: string;
  org_id: string;
  /** null: an org-level template, usable by the org's root keys only. */
  tenant_id: string | null;
  /** Which sends may use it: a live template live ones, a test template test ones. */
  environment: KeyEnvironment;
  name: string;
  subject: string;
  html: string | null;
  text: string | null;
  variables: ColumnType<TemplateVariable[], string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
