// Generated from Sendoka's OpenAPI document by `npm run sdk:generate`; do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres and Redis reachable, migrations current (503 otherwise) */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of this process */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getApiV1OpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API reference page */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bull Board: every queue (HTML app and its JSON API under this path); needs ADMIN_USERNAME/ADMIN_PASSWORD outside development */
        get: operations["getAdminQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cron/check-domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks every pending domain now (exists only when CRON_SECRET is set) */
        post: operations["postApiCronCheckDomains"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/ses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SES events through SNS (subscription confirmations and notifications), checked by signature */
        post: operations["postApiV1IngestSes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants, newest first
         * @description Scope: `tenants:*`.
         */
        get: operations["getApiV1Tenants"];
        put?: never;
        /**
         * Create a tenant
         * @description Scope: `tenants:*`.
         */
        post: operations["postApiV1Tenants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tenant
         * @description Scope: `tenants:*`.
         */
        get: operations["getApiV1TenantsId"];
        put?: never;
        post?: never;
        /**
         * Delete a tenant and everything it owns, in the background; GET shows the progress
         * @description Scope: `tenants:*`.
         */
        delete: operations["deleteApiV1TenantsId"];
        options?: never;
        head?: never;
        /**
         * Update a tenant (limits: only the fields given change); status suspended makes its keys answer 403 TENANT_FORBIDDEN
         * @description Scope: `tenants:*`.
         */
        patch: operations["patchApiV1TenantsId"];
        trace?: never;
    };
    "/api/v1/tenants/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tenant's usage in a month (tenant-bound keys: their own tenant only)
         * @description Scope: `usage:read`.
         */
        get: operations["getApiV1TenantsIdUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The org's usage in a month, with one entry per tenant
         * @description Scope: `usage:read`.
         */
        get: operations["getApiV1Usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key's org, with the limits its new tenants start with
         * @description Scope: `tenants:*`.
         */
        get: operations["getApiV1Org"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the default limits of tenants created from now on
         * @description Scope: `tenants:*`.
         */
        patch: operations["patchApiV1Org"];
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keys (never a secret)
         * @description Scope: `keys:*`.
         */
        get: operations["getApiV1Keys"];
        put?: never;
        /**
         * Mint a key; the secret is in this response only
         * @description Scope: `keys:*`.
         */
        post: operations["postApiV1Keys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a key
         * @description Scope: `keys:*`.
         */
        get: operations["getApiV1KeysId"];
        put?: never;
        post?: never;
        /**
         * Revoke a key
         * @description Scope: `keys:*`.
         */
        delete: operations["deleteApiV1KeysId"];
        options?: never;
        head?: never;
        /**
         * Update a key's name, scopes or allowed domains
         * @description Scope: `keys:*`.
         */
        patch: operations["patchApiV1KeysId"];
        trace?: never;
    };
    "/api/v1/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List domains
         * @description Scope: `domains:read`.
         */
        get: operations["getApiV1Domains"];
        put?: never;
        /**
         * Add a sending domain; the response lists the DNS records to publish
         * @description Scope: `domains:write`.
         */
        post: operations["postApiV1Domains"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/domains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a domain
         * @description Scope: `domains:read`.
         */
        get: operations["getApiV1DomainsId"];
        put?: never;
        post?: never;
        /**
         * Delete a domain
         * @description Scope: `domains:write`.
         */
        delete: operations["deleteApiV1DomainsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/domains/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the DNS records now
         * @description Scope: `domains:write`.
         */
        post: operations["postApiV1DomainsIdVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test-inboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List test inboxes
         * @description Scope: `domains:read`.
         */
        get: operations["getApiV1TestInboxes"];
        put?: never;
        /**
         * Add a sandbox test inbox; a 6-digit code is emailed to it
         * @description Scope: `domains:write`.
         */
        post: operations["postApiV1TestInboxes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test-inboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a test inbox
         * @description Scope: `domains:read`.
         */
        get: operations["getApiV1TestInboxesId"];
        put?: never;
        post?: never;
        /**
         * Delete a test inbox
         * @description Scope: `domains:write`.
         */
        delete: operations["deleteApiV1TestInboxesId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test-inboxes/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a test inbox with its code
         * @description Scope: `domains:write`.
         */
        post: operations["postApiV1TestInboxesIdConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List emails, newest first (GET /messages narrowed to emails)
         * @description Scope: `messages:read`.
         */
        get: operations["getApiV1Emails"];
        put?: never;
        /**
         * Send (or schedule) an email
         * @description Scope: `emails:send`.
         */
        post: operations["postApiV1Emails"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send up to 100 emails, all or none (errors name the item: [index]); with the header x-batch-validation: permissive, each on its own (errors per index)
         * @description Scope: `emails:send`.
         */
        post: operations["postApiV1EmailsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an email with its event timeline
         * @description Scope: `messages:read`.
         */
        get: operations["getApiV1EmailsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Reschedule a scheduled email
         * @description Scope: `emails:send`.
         */
        patch: operations["patchApiV1EmailsId"];
        trace?: never;
    };
    "/api/v1/emails/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a scheduled email
         * @description Scope: `emails:send`.
         */
        post: operations["postApiV1EmailsIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send (or schedule) an SMS
         * @description Scope: `sms:send`.
         */
        post: operations["postApiV1Sms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms/senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SMS senders a key may send as (a tenant's key: its tenant's and the org-wide ones)
         * @description Scope: `sms:send`.
         */
        get: operations["getApiV1SmsSenders"];
        put?: never;
        /**
         * Register a sender id or origination number for a tenant (or, without tenant_id, for every tenant of the org)
         * @description Scope: `tenants:*`.
         */
        post: operations["postApiV1SmsSenders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms/senders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an SMS sender
         * @description Scope: `sms:send`.
         */
        get: operations["getApiV1SmsSendersId"];
        put?: never;
        post?: never;
        /**
         * Unregister an SMS sender (scheduled SMS naming it then fail when due)
         * @description Scope: `tenants:*`.
         */
        delete: operations["deleteApiV1SmsSendersId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages (emails and SMS), newest first
         * @description Scope: `messages:read`.
         */
        get: operations["getApiV1Messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message with its event timeline
         * @description Scope: `messages:read`.
         */
        get: operations["getApiV1MessagesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List suppressions (a tenant-bound key sees its tenant's and the org-wide ones)
         * @description Scope: `suppressions:read`.
         */
        get: operations["getApiV1Suppressions"];
        put?: never;
        /**
         * Suppress an address (201), or get the existing suppression (200)
         * @description Scope: `suppressions:write`.
         */
        post: operations["postApiV1Suppressions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppressions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a suppression
         * @description Scope: `suppressions:read`.
         */
        get: operations["getApiV1SuppressionsId"];
        put?: never;
        post?: never;
        /**
         * Delete a suppression
         * @description Scope: `suppressions:write`.
         */
        delete: operations["deleteApiV1SuppressionsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates
         * @description Scope: `templates:read`.
         */
        get: operations["getApiV1Templates"];
        put?: never;
        /**
         * Create a template (Mustache; HTML-escaped in the HTML part)
         * @description Scope: `templates:write`.
         */
        post: operations["postApiV1Templates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a template
         * @description Scope: `templates:read`.
         */
        get: operations["getApiV1TemplatesId"];
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description Scope: `templates:write`.
         */
        delete: operations["deleteApiV1TemplatesId"];
        options?: never;
        head?: never;
        /**
         * Update a template
         * @description Scope: `templates:write`.
         */
        patch: operations["patchApiV1TemplatesId"];
        trace?: never;
    };
    "/api/v1/templates/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a template with variables
         * @description Scope: `templates:read`.
         */
        post: operations["postApiV1TemplatesIdRender"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audiences
         * @description Scope: `contacts:read`.
         */
        get: operations["getApiV1Audiences"];
        put?: never;
        /**
         * Create an audience
         * @description Scope: `contacts:write`.
         */
        post: operations["postApiV1Audiences"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an audience
         * @description Scope: `contacts:read`.
         */
        get: operations["getApiV1AudiencesId"];
        put?: never;
        post?: never;
        /**
         * Delete an audience and its contacts
         * @description Scope: `contacts:write`.
         */
        delete: operations["deleteApiV1AudiencesId"];
        options?: never;
        head?: never;
        /**
         * Rename an audience
         * @description Scope: `contacts:write`.
         */
        patch: operations["patchApiV1AudiencesId"];
        trace?: never;
    };
    "/api/v1/audiences/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an audience's contacts
         * @description Scope: `contacts:read`.
         */
        get: operations["getApiV1AudiencesIdContacts"];
        put?: never;
        /**
         * Add a contact (unique by email within the audience)
         * @description Scope: `contacts:write`.
         */
        post: operations["postApiV1AudiencesIdContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts in the background (upserted by email)
         * @description Scope: `contacts:write`.
         */
        post: operations["postApiV1AudiencesIdContactsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact
         * @description Scope: `contacts:read`.
         */
        get: operations["getApiV1AudiencesIdContactsContactId"];
        put?: never;
        post?: never;
        /**
         * Delete a contact
         * @description Scope: `contacts:write`.
         */
        delete: operations["deleteApiV1AudiencesIdContactsContactId"];
        options?: never;
        head?: never;
        /**
         * Update a contact (unsubscribed, names, metadata, email)
         * @description Scope: `contacts:write`.
         */
        patch: operations["patchApiV1AudiencesIdContactsContactId"];
        trace?: never;
    };
    "/api/v1/audiences/{id}/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import's progress
         * @description Scope: `contacts:read`.
         */
        get: operations["getApiV1AudiencesIdImportsImportId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Scope: `webhooks:read`.
         */
        get: operations["getApiV1WebhooksEndpoints"];
        put?: never;
        /**
         * Create a webhook endpoint; the secret (whsec_…) is in this response only
         * @description Scope: `webhooks:write`.
         */
        post: operations["postApiV1WebhooksEndpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Scope: `webhooks:read`.
         */
        get: operations["getApiV1WebhooksEndpointsId"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Scope: `webhooks:write`.
         */
        delete: operations["deleteApiV1WebhooksEndpointsId"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint (url, events, enabled, description)
         * @description Scope: `webhooks:write`.
         */
        patch: operations["patchApiV1WebhooksEndpointsId"];
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the secret; the previous one keeps signing for 24 h
         * @description Scope: `webhooks:write`.
         */
        post: operations["postApiV1WebhooksEndpointsIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event to the endpoint
         * @description Scope: `webhooks:write`.
         */
        post: operations["postApiV1WebhooksEndpointsIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's deliveries with every attempt
         * @description Scope: `webhooks:read`.
         */
        get: operations["getApiV1WebhooksEndpointsIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a finished delivery again (same webhook-id)
         * @description Scope: `webhooks:write`.
         */
        post: operations["postApiV1WebhooksDeliveriesIdReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Deleted: {
            id: string;
            /** @constant */
            deleted: true;
        };
        TenantLimits: {
            email_per_second: number | null;
            sms_per_second: number | null;
            email_per_month: number | null;
            sms_per_month: number | null;
            api_requests_per_second: number | null;
        };
        TenantDeletion: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            started_at: string;
            finished_at: string | null;
            pass: number;
            current_table: string | null;
            rows_deleted: number;
            rows_deleted_by_table: {
                [key: string]: number;
            };
        };
        Tenant: {
            id: string;
            name: string;
            slug: string;
            external_ref: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "deleting";
            metadata: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            suspended_at: string | null;
            limits: components["schemas"]["TenantLimits"];
            /** @description while status is deleting: its progress */
            deletion?: components["schemas"]["TenantDeletion"] | null;
        };
        Org: {
            id: string;
            name: string;
            default_tenant_limits: components["schemas"]["TenantLimits"];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
        };
        Key: {
            id: string;
            name: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            scopes: ("emails:send" | "sms:send" | "messages:read" | "domains:read" | "domains:write" | "webhooks:read" | "webhooks:write" | "suppressions:read" | "suppressions:write" | "templates:read" | "templates:write" | "contacts:read" | "contacts:write" | "usage:read" | "tenants:*" | "keys:*")[];
            allowed_domain_ids: string[] | null;
            last_four: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            last_used_at: string | null;
        };
        KeyWithSecret: {
            id: string;
            name: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            scopes: ("emails:send" | "sms:send" | "messages:read" | "domains:read" | "domains:write" | "webhooks:read" | "webhooks:write" | "suppressions:read" | "suppressions:write" | "templates:read" | "templates:write" | "contacts:read" | "contacts:write" | "usage:read" | "tenants:*" | "keys:*")[];
            allowed_domain_ids: string[] | null;
            last_four: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            last_used_at: string | null;
            /** @description shown in this response only */
            secret: string;
        };
        KeyRevoked: {
            id: string;
            /** @constant */
            revoked: true;
        };
        DnsRecord: {
            /** @enum {string} */
            type: "CNAME" | "TXT";
            name: string;
            value: string;
            recommended: boolean;
        };
        ResendDnsRecord: {
            /** @enum {string} */
            record: "DKIM" | "Verification" | "SPF" | "DMARC";
            name: string;
            /** @enum {string} */
            type: "CNAME" | "TXT";
            /** @constant */
            ttl: "Auto";
            /**
             * @description the domain status; not_started for the advised records, which are not checked
             * @enum {string}
             */
            status: "pending" | "verified" | "failed" | "not_started";
            value: string;
        };
        Domain: {
            id: string;
            name: string;
            tenant_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "failed";
            dns_records: components["schemas"]["DnsRecord"][];
            /** @description dns_records in the resend SDK's shape */
            records: components["schemas"]["ResendDnsRecord"][];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            verified_at: string | null;
            last_checked_at: string | null;
        };
        TestInbox: {
            id: string;
            email: string;
            tenant_id: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            confirmed_at: string | null;
        };
        EmailAccepted: {
            id: string;
            /** @enum {string} */
            status: "queued" | "scheduled";
        };
        EmailBatchAccepted: {
            data: components["schemas"]["EmailAccepted"][];
            /** @description with x-batch-validation: permissive, the emails refused, by index */
            errors?: {
                index: number;
                message: string;
                code: string;
            }[];
        };
        SmsAccepted: {
            id: string;
            /** @enum {string} */
            status: "queued" | "scheduled";
            to: string;
            segments: number;
            encoding: string;
        };
        EmailMessage: {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            status: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
            from: string;
            to: string[];
            content_erased: boolean;
            tags: {
                name: string;
                value: string;
            }[];
            scheduled_at: string | null;
            sent_at: string | null;
            provider_message_id: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @constant */
            object: "email";
            /** @constant */
            channel: "email";
            cc: string[];
            bcc: string[];
            reply_to: string[];
            subject: string | null;
            template_id: string | null;
        };
        SmsMessage: {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            status: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
            from: string;
            to: string[];
            content_erased: boolean;
            tags: {
                name: string;
                value: string;
            }[];
            scheduled_at: string | null;
            sent_at: string | null;
            provider_message_id: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @constant */
            object: "sms";
            /** @constant */
            channel: "sms";
            body: string | null;
            segments?: number;
        };
        Message: components["schemas"]["EmailMessage"] | components["schemas"]["SmsMessage"];
        MessageEvent: {
            id: string;
            type: string;
            recipient: string | null;
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
        };
        MessageWithEvents: {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            status: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
            from: string;
            to: string[];
            content_erased: boolean;
            tags: {
                name: string;
                value: string;
            }[];
            scheduled_at: string | null;
            sent_at: string | null;
            provider_message_id: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @constant */
            object: "email";
            /** @constant */
            channel: "email";
            cc: string[];
            bcc: string[];
            reply_to: string[];
            subject: string | null;
            template_id: string | null;
            events: components["schemas"]["MessageEvent"][];
        } | {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            status: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
            from: string;
            to: string[];
            content_erased: boolean;
            tags: {
                name: string;
                value: string;
            }[];
            scheduled_at: string | null;
            sent_at: string | null;
            provider_message_id: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @constant */
            object: "sms";
            /** @constant */
            channel: "sms";
            body: string | null;
            segments?: number;
            events: components["schemas"]["MessageEvent"][];
        };
        EmailWithEvents: {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            status: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
            from: string;
            to: string[];
            content_erased: boolean;
            tags: {
                name: string;
                value: string;
            }[];
            scheduled_at: string | null;
            sent_at: string | null;
            provider_message_id: string | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @constant */
            object: "email";
            /** @constant */
            channel: "email";
            cc: string[];
            bcc: string[];
            reply_to: string[];
            subject: string | null;
            template_id: string | null;
            events: components["schemas"]["MessageEvent"][];
        };
        SmsSender: {
            id: string;
            tenant_id: string | null;
            /** @enum {string} */
            type: "sender_id" | "origination_number";
            value: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
        };
        Suppression: {
            id: string;
            address: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /** @enum {string} */
            reason: "bounce" | "complaint" | "manual" | "unsubscribe";
            source: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
        };
        Template: {
            id: string;
            name: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            subject: string;
            html: string | null;
            text: string | null;
            variables: {
                name: string;
                default?: string | number | boolean;
            }[];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
        };
        RenderedTemplate: {
            subject: string;
            html?: string;
            text?: string;
        };
        Audience: {
            id: string;
            name: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
        };
        Contact: {
            id: string;
            audience_id: string;
            email: string;
            first_name: string | null;
            last_name: string | null;
            unsubscribed: boolean;
            metadata: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
        };
        ContactImport: {
            id: string;
            audience_id: string;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            total: number;
            processed: number;
            created: number;
            updated: number;
            error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            finished_at: string | null;
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            events: ("message.queued" | "message.scheduled" | "message.sent" | "message.delivered" | "message.delivery_delayed" | "message.bounced" | "message.complained" | "message.opened" | "message.clicked" | "message.failed" | "message.suppressed" | "message.canceled" | "domain.verified" | "domain.failed" | "tenant.suspended" | "tenant.reactivated" | "tenant.deleted" | "tenant.quota_warning" | "tenant.quota_exceeded" | "webhook.test" | "webhook.endpoint_disabled")[];
            description: string | null;
            enabled: boolean;
            disabled_reason: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
        };
        WebhookEndpointWithSecret: {
            id: string;
            url: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            events: ("message.queued" | "message.scheduled" | "message.sent" | "message.delivered" | "message.delivery_delayed" | "message.bounced" | "message.complained" | "message.opened" | "message.clicked" | "message.failed" | "message.suppressed" | "message.canceled" | "domain.verified" | "domain.failed" | "tenant.suspended" | "tenant.reactivated" | "tenant.deleted" | "tenant.quota_warning" | "tenant.quota_exceeded" | "webhook.test" | "webhook.endpoint_disabled")[];
            description: string | null;
            enabled: boolean;
            disabled_reason: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @description whsec_…, shown in this response only */
            secret: string;
        };
        WebhookEndpointRotated: {
            id: string;
            url: string;
            tenant_id: string | null;
            /** @enum {string} */
            environment: "live" | "test";
            events: ("message.queued" | "message.scheduled" | "message.sent" | "message.delivered" | "message.delivery_delayed" | "message.bounced" | "message.complained" | "message.opened" | "message.clicked" | "message.failed" | "message.suppressed" | "message.canceled" | "domain.verified" | "domain.failed" | "tenant.suspended" | "tenant.reactivated" | "tenant.deleted" | "tenant.quota_warning" | "tenant.quota_exceeded" | "webhook.test" | "webhook.endpoint_disabled")[];
            description: string | null;
            enabled: boolean;
            disabled_reason: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            updated_at: string;
            /** @description whsec_…, shown in this response only */
            secret: string;
            previous_secret_expires_at: string | null;
        };
        WebhookTestSent: {
            event_id: string;
            delivery_id: string | null;
        };
        WebhookDeliveryAttempt: {
            attempt: number;
            status_code: number | null;
            latency_ms: number | null;
            error: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            attempted_at: string;
            next_attempt_at: string | null;
        };
        WebhookDelivery: {
            id: string;
            endpoint_id: string;
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempt_count: number;
            last_status_code: number | null;
            last_error: string | null;
            next_attempt_at: string | null;
            delivered_at: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             */
            created_at: string;
            attempts: components["schemas"]["WebhookDeliveryAttempt"][];
        };
        Quotas: {
            email_per_month: {
                limit: number | null;
                remaining: number | null;
            };
            sms_per_month: {
                limit: number | null;
                remaining: number | null;
            };
        };
        TenantUsage: {
            tenant_id: string;
            period: string;
            email_live: number;
            email_test: number;
            sms_live: number;
            sms_test: number;
            quotas?: components["schemas"]["Quotas"] | null;
        };
        OrgUsage: {
            period: string;
            email_live: number;
            email_test: number;
            sms_live: number;
            sms_test: number;
            tenants: {
                tenant_id: string;
                email_live: number;
                email_test: number;
                sms_live: number;
                sms_test: number;
                quotas: components["schemas"]["Quotas"] | null;
            }[];
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "unavailable";
            checks: {
                [key: string]: string;
            };
        };
        DomainCheckQueued: {
            /** @constant */
            queued: true;
            job_id: string | null;
        };
        Received: {
            /** @constant */
            received: true;
        };
        OpenApiDocument: {
            [key: string]: unknown;
        };
        TenantPage: {
            data: components["schemas"]["Tenant"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        KeyPage: {
            data: components["schemas"]["Key"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        DomainPage: {
            data: components["schemas"]["Domain"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        TestInboxPage: {
            data: components["schemas"]["TestInbox"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        SmsSenderPage: {
            data: components["schemas"]["SmsSender"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        MessagePage: {
            data: components["schemas"]["Message"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        EmailMessagePage: {
            data: components["schemas"]["EmailMessage"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        SuppressionPage: {
            data: components["schemas"]["Suppression"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        TemplatePage: {
            data: components["schemas"]["Template"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        AudiencePage: {
            data: components["schemas"]["Audience"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        ContactPage: {
            data: components["schemas"]["Contact"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        WebhookEndpointPage: {
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                type: "invalid_request_error" | "authentication_error" | "permission_error" | "not_found_error" | "conflict_error" | "rate_limit_error" | "api_error" | "service_unavailable";
                /** @enum {string} */
                code: "INVALID_JSON" | "MALFORMED_REQUEST" | "REQUEST_ABORTED" | "INVALID_API_KEY" | "INVALID_CRON_SECRET" | "INVALID_ADMIN_CREDENTIALS" | "MISSING_SCOPE" | "TENANT_FORBIDDEN" | "DOMAIN_NOT_ALLOWED_FOR_KEY" | "TEST_KEY_CANNOT_CHANGE_LIVE" | "SMS_SENDER_NOT_REGISTERED" | "ORG_WIDE_SUPPRESSION" | "SNS_SIGNATURE_INVALID" | "NOT_FOUND" | "SLUG_TAKEN" | "TENANT_DELETING" | "CANNOT_REVOKE_OWN_KEY" | "DOMAIN_TAKEN" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_REQUEST_IN_PROGRESS" | "MESSAGE_NOT_SCHEDULED" | "TEST_INBOX_EXISTS" | "CONTACT_EXISTS" | "TOO_MANY_ATTEMPTS" | "TOO_MANY_SECRETS" | "SMS_SENDER_TAKEN" | "ENDPOINT_DISABLED" | "DELIVERY_PENDING" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "UNSUPPORTED_ENCODING" | "UNSUPPORTED_CHARSET" | "VALIDATION_ERROR" | "MESSAGE_TOO_LARGE" | "INVALID_PHONE_NUMBER" | "URL_NOT_ALLOWED" | "INVALID_CODE" | "DOMAIN_NOT_VERIFIED" | "MISSING_TEMPLATE_VARIABLE" | "RECIPIENT_NOT_ALLOWED_IN_SANDBOX" | "RATE_LIMITED" | "QUOTA_EXCEEDED" | "INTERNAL_ERROR" | "PROVIDER_ERROR" | "DNS_UNAVAILABLE" | "SUBSCRIPTION_CONFIRMATION_FAILED" | "SERVICE_UNAVAILABLE";
                message: string;
            };
            statusCode: number;
            /** @description the resend SDK's name for the error: validation_error, not_found, invalid_api_key, … */
            name: string;
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "checks": {
                     *         "postgres": "ok",
                     *         "redis": "ok",
                     *         "migrations": "ok"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getApiV1OpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getAdminQueues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description `INVALID_ADMIN_CREDENTIALS`: basic auth is not ADMIN_USERNAME / ADMIN_PASSWORD */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiCronCheckDomains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description sweep queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "queued": true,
                     *       "job_id": "domain-check"
                     *     }
                     */
                    "application/json": components["schemas"]["DomainCheckQueued"];
                };
            };
            /** @description `INVALID_CRON_SECRET`: the bearer token is not CRON_SECRET */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IngestSes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true
                     *     }
                     */
                    "application/json": components["schemas"]["Received"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SNS_SIGNATURE_INVALID`: the SNS message signature, topic or certificate URL is not trusted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SUBSCRIPTION_CONFIRMATION_FAILED`: confirming the SNS subscription failed; SNS retries */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Tenants: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                external_ref?: string;
                status?: "active" | "suspended" | "deleting";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of tenants */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "name": "Acme Corp",
                     *           "slug": "acme",
                     *           "external_ref": "cust_12345",
                     *           "status": "active",
                     *           "metadata": {},
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "suspended_at": null,
                     *           "limits": {
                     *             "email_per_second": null,
                     *             "sms_per_second": null,
                     *             "email_per_month": 50000,
                     *             "sms_per_month": null,
                     *             "api_requests_per_second": 10
                     *           }
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["TenantPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Tenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    slug: string;
                    external_ref?: string | null;
                    metadata?: {
                        [key: string]: string;
                    };
                    /** @description null = no limit; an omitted field keeps its value (on create: the org default) */
                    limits?: {
                        /** @description emails a second the tenant is sent at, at most (shaping: excess waits) */
                        email_per_second?: number | null;
                        /** @description SMS a second the tenant is sent at, at most (shaping: excess waits) */
                        sms_per_second?: number | null;
                        /** @description live emails accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        email_per_month?: number | null;
                        /** @description live SMS accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        sms_per_month?: number | null;
                        /** @description requests a second each key of the tenant may make; past it 429 RATE_LIMITED */
                        api_requests_per_second?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description the tenant */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "name": "Acme Corp",
                     *       "slug": "acme",
                     *       "external_ref": "cust_12345",
                     *       "status": "active",
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "suspended_at": null,
                     *       "limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SLUG_TAKEN`: another tenant of the org has this slug */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1TenantsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tenant */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "name": "Acme Corp",
                     *       "slug": "acme",
                     *       "external_ref": "cust_12345",
                     *       "status": "active",
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "suspended_at": null,
                     *       "limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1TenantsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tenant, status deleting */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "name": "Acme Corp",
                     *       "slug": "acme",
                     *       "external_ref": "cust_12345",
                     *       "status": "deleting",
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "suspended_at": null,
                     *       "limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1TenantsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    slug?: string;
                    external_ref?: string | null;
                    metadata?: {
                        [key: string]: string;
                    };
                    /** @enum {string} */
                    status?: "active" | "suspended";
                    /** @description null = no limit; an omitted field keeps its value (on create: the org default) */
                    limits?: {
                        /** @description emails a second the tenant is sent at, at most (shaping: excess waits) */
                        email_per_second?: number | null;
                        /** @description SMS a second the tenant is sent at, at most (shaping: excess waits) */
                        sms_per_second?: number | null;
                        /** @description live emails accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        email_per_month?: number | null;
                        /** @description live SMS accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        sms_per_month?: number | null;
                        /** @description requests a second each key of the tenant may make; past it 429 RATE_LIMITED */
                        api_requests_per_second?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description the tenant */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "name": "Acme Corp",
                     *       "slug": "acme",
                     *       "external_ref": "cust_12345",
                     *       "status": "suspended",
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "suspended_at": "2026-04-02T10:00:00.000Z",
                     *       "limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SLUG_TAKEN`: another tenant of the org has this slug; `TENANT_DELETING`: the tenant is being deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1TenantsIdUsage: {
        parameters: {
            query?: {
                period?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description usage, with each monthly quota's limit and what is left of it (null: no quota) */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "period": "2026-04",
                     *       "email_live": 18200,
                     *       "email_test": 34,
                     *       "sms_live": 112,
                     *       "sms_test": 0,
                     *       "quotas": {
                     *         "email_per_month": {
                     *           "limit": 50000,
                     *           "remaining": 31800
                     *         },
                     *         "sms_per_month": {
                     *           "limit": null,
                     *           "remaining": null
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TenantUsage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Usage: {
        parameters: {
            query?: {
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description usage */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "period": "2026-04",
                     *       "email_live": 18200,
                     *       "email_test": 34,
                     *       "sms_live": 112,
                     *       "sms_test": 0,
                     *       "tenants": [
                     *         {
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "email_live": 18200,
                     *           "email_test": 34,
                     *           "sms_live": 112,
                     *           "sms_test": 0,
                     *           "quotas": {
                     *             "email_per_month": {
                     *               "limit": 50000,
                     *               "remaining": 31800
                     *             },
                     *             "sms_per_month": {
                     *               "limit": null,
                     *               "remaining": null
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OrgUsage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Org: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the org */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "org_01jqz5v1a2b3c4d5e6f7g8h9j0",
                     *       "name": "My SaaS",
                     *       "default_tenant_limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       },
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Org"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1Org: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the limits a tenant created from now on starts with (existing tenants keep theirs); null = no limit, an omitted field is unchanged */
                    default_tenant_limits?: {
                        /** @description emails a second the tenant is sent at, at most (shaping: excess waits) */
                        email_per_second?: number | null;
                        /** @description SMS a second the tenant is sent at, at most (shaping: excess waits) */
                        sms_per_second?: number | null;
                        /** @description live emails accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        email_per_month?: number | null;
                        /** @description live SMS accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED */
                        sms_per_month?: number | null;
                        /** @description requests a second each key of the tenant may make; past it 429 RATE_LIMITED */
                        api_requests_per_second?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description the org */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "org_01jqz5v1a2b3c4d5e6f7g8h9j0",
                     *       "name": "My SaaS",
                     *       "default_tenant_limits": {
                     *         "email_per_second": null,
                     *         "sms_per_second": null,
                     *         "email_per_month": 50000,
                     *         "sms_per_month": null,
                     *         "api_requests_per_second": 10
                     *       },
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Org"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Keys: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of keys */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *           "name": "Acme primary",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "scopes": [
                     *             "emails:send",
                     *             "sms:send",
                     *             "messages:read"
                     *           ],
                     *           "allowed_domain_ids": [
                     *             "dom_01jqz5x1a2b3c4d5e6f7g8h9j0"
                     *           ],
                     *           "last_four": "f00d",
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "last_used_at": null
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["KeyPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tenant_id?: string | null;
                    /**
                     * @default live
                     * @enum {string}
                     */
                    environment?: "live" | "test";
                    scopes?: ("emails:send" | "sms:send" | "messages:read" | "domains:read" | "domains:write" | "webhooks:read" | "webhooks:write" | "suppressions:read" | "suppressions:write" | "templates:read" | "templates:write" | "contacts:read" | "contacts:write" | "usage:read")[];
                    allowed_domain_ids?: string[] | null;
                };
            };
        };
        responses: {
            /** @description the key with its secret */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "name": "Acme primary",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "scopes": [
                     *         "emails:send",
                     *         "sms:send",
                     *         "messages:read"
                     *       ],
                     *       "allowed_domain_ids": [
                     *         "dom_01jqz5x1a2b3c4d5e6f7g8h9j0"
                     *       ],
                     *       "last_four": "f00d",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "last_used_at": null,
                     *       "secret": "sok_live_abc123…"
                     *     }
                     */
                    "application/json": components["schemas"]["KeyWithSecret"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1KeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the key */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "name": "Acme primary",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "scopes": [
                     *         "emails:send",
                     *         "sms:send",
                     *         "messages:read"
                     *       ],
                     *       "allowed_domain_ids": [
                     *         "dom_01jqz5x1a2b3c4d5e6f7g8h9j0"
                     *       ],
                     *       "last_four": "f00d",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "last_used_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1KeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "revoked": true
                     *     }
                     */
                    "application/json": components["schemas"]["KeyRevoked"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CANNOT_REVOKE_OWN_KEY`: a key cannot revoke itself */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1KeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    scopes?: ("emails:send" | "sms:send" | "messages:read" | "domains:read" | "domains:write" | "webhooks:read" | "webhooks:write" | "suppressions:read" | "suppressions:write" | "templates:read" | "templates:write" | "contacts:read" | "contacts:write" | "usage:read")[];
                    allowed_domain_ids?: string[] | null;
                };
            };
        };
        responses: {
            /** @description the key */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "name": "Acme primary",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "scopes": [
                     *         "emails:send",
                     *         "sms:send",
                     *         "messages:read"
                     *       ],
                     *       "allowed_domain_ids": [
                     *         "dom_01jqz5x1a2b3c4d5e6f7g8h9j0"
                     *       ],
                     *       "last_four": "f00d",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "last_used_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Domains: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
                status?: "pending" | "verified" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of domains */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "dom_01jqz5x1a2b3c4d5e6f7g8h9j0",
                     *           "name": "acme.com",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "status": "pending",
                     *           "dns_records": [
                     *             {
                     *               "type": "CNAME",
                     *               "name": "abc._domainkey.acme.com",
                     *               "value": "abc.dkim.amazonses.com",
                     *               "recommended": false
                     *             },
                     *             {
                     *               "type": "TXT",
                     *               "name": "_amazonses.acme.com",
                     *               "value": "randomtoken",
                     *               "recommended": false
                     *             }
                     *           ],
                     *           "records": [
                     *             {
                     *               "record": "DKIM",
                     *               "name": "abc._domainkey.acme.com",
                     *               "type": "CNAME",
                     *               "ttl": "Auto",
                     *               "status": "pending",
                     *               "value": "abc.dkim.amazonses.com"
                     *             },
                     *             {
                     *               "record": "Verification",
                     *               "name": "_amazonses.acme.com",
                     *               "type": "TXT",
                     *               "ttl": "Auto",
                     *               "status": "pending",
                     *               "value": "randomtoken"
                     *             }
                     *           ],
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "verified_at": null,
                     *           "last_checked_at": null
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["DomainPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Domains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tenant_id?: string | null;
                };
            };
        };
        responses: {
            /** @description the domain */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dom_01jqz5x1a2b3c4d5e6f7g8h9j0",
                     *       "name": "acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "pending",
                     *       "dns_records": [
                     *         {
                     *           "type": "CNAME",
                     *           "name": "abc._domainkey.acme.com",
                     *           "value": "abc.dkim.amazonses.com",
                     *           "recommended": false
                     *         },
                     *         {
                     *           "type": "TXT",
                     *           "name": "_amazonses.acme.com",
                     *           "value": "randomtoken",
                     *           "recommended": false
                     *         }
                     *       ],
                     *       "records": [
                     *         {
                     *           "record": "DKIM",
                     *           "name": "abc._domainkey.acme.com",
                     *           "type": "CNAME",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "abc.dkim.amazonses.com"
                     *         },
                     *         {
                     *           "record": "Verification",
                     *           "name": "_amazonses.acme.com",
                     *           "type": "TXT",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "randomtoken"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "verified_at": null,
                     *       "last_checked_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `DOMAIN_TAKEN`: the domain is already registered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PROVIDER_ERROR`: the email provider refused; retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1DomainsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the domain */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dom_01jqz5x1a2b3c4d5e6f7g8h9j0",
                     *       "name": "acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "pending",
                     *       "dns_records": [
                     *         {
                     *           "type": "CNAME",
                     *           "name": "abc._domainkey.acme.com",
                     *           "value": "abc.dkim.amazonses.com",
                     *           "recommended": false
                     *         },
                     *         {
                     *           "type": "TXT",
                     *           "name": "_amazonses.acme.com",
                     *           "value": "randomtoken",
                     *           "recommended": false
                     *         }
                     *       ],
                     *       "records": [
                     *         {
                     *           "record": "DKIM",
                     *           "name": "abc._domainkey.acme.com",
                     *           "type": "CNAME",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "abc.dkim.amazonses.com"
                     *         },
                     *         {
                     *           "record": "Verification",
                     *           "name": "_amazonses.acme.com",
                     *           "type": "TXT",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "randomtoken"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "verified_at": null,
                     *       "last_checked_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1DomainsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dom_01jqz5x1a2b3c4d5e6f7g8h9j0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PROVIDER_ERROR`: the email provider refused; retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1DomainsIdVerify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the domain with its current status */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dom_01jqz5x1a2b3c4d5e6f7g8h9j0",
                     *       "name": "acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "verified",
                     *       "dns_records": [
                     *         {
                     *           "type": "CNAME",
                     *           "name": "abc._domainkey.acme.com",
                     *           "value": "abc.dkim.amazonses.com",
                     *           "recommended": false
                     *         },
                     *         {
                     *           "type": "TXT",
                     *           "name": "_amazonses.acme.com",
                     *           "value": "randomtoken",
                     *           "recommended": false
                     *         }
                     *       ],
                     *       "records": [
                     *         {
                     *           "record": "DKIM",
                     *           "name": "abc._domainkey.acme.com",
                     *           "type": "CNAME",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "abc.dkim.amazonses.com"
                     *         },
                     *         {
                     *           "record": "Verification",
                     *           "name": "_amazonses.acme.com",
                     *           "type": "TXT",
                     *           "ttl": "Auto",
                     *           "status": "pending",
                     *           "value": "randomtoken"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "verified_at": "2026-04-02T10:00:00.000Z",
                     *       "last_checked_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `DNS_UNAVAILABLE`: the DNS resolvers did not answer; retry; `PROVIDER_ERROR`: the email provider refused; retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1TestInboxes: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
                status?: "pending" | "confirmed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of test inboxes */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tib_01jqzaa1b2c3d4e5f6g7h8j9k0",
                     *           "email": "dev@acme.com",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "status": "pending",
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "confirmed_at": null
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["TestInboxPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1TestInboxes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    tenant_id?: string | null;
                };
            };
        };
        responses: {
            /** @description the test inbox */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tib_01jqzaa1b2c3d4e5f6g7h8j9k0",
                     *       "email": "dev@acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "pending",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "confirmed_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["TestInbox"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `TEST_INBOX_EXISTS`: the address is already a test inbox here */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PROVIDER_ERROR`: the email provider refused; retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1TestInboxesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the test inbox */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tib_01jqzaa1b2c3d4e5f6g7h8j9k0",
                     *       "email": "dev@acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "pending",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "confirmed_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["TestInbox"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1TestInboxesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tib_01jqzaa1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1TestInboxesIdConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description the confirmed test inbox */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tib_01jqzaa1b2c3d4e5f6g7h8j9k0",
                     *       "email": "dev@acme.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "status": "confirmed",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "confirmed_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["TestInbox"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `TOO_MANY_ATTEMPTS`: too many wrong codes; delete and create the test inbox again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `INVALID_CODE`: the confirmation code does not match */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Emails: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                status?: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
                tenant_id?: string;
                to?: string;
                tag?: string;
                created_after?: string;
                created_before?: string;
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of emails */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *           "object": "email",
                     *           "channel": "email",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "status": "sent",
                     *           "from": "welcome@acme.com",
                     *           "to": [
                     *             "new-customer@example.com"
                     *           ],
                     *           "cc": [],
                     *           "bcc": [],
                     *           "reply_to": [],
                     *           "subject": "Welcome to Acme",
                     *           "template_id": null,
                     *           "tags": [],
                     *           "scheduled_at": null,
                     *           "sent_at": "2026-04-02T10:00:00.000Z",
                     *           "content_erased": false,
                     *           "provider_message_id": "0100018e-ses-id",
                     *           "last_error": null,
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["EmailMessagePage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Emails: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours for the same body; a different body is 409 IDEMPOTENCY_KEY_REUSED */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: string;
                    /** @description at most 50 recipients across to, cc and bcc */
                    to: string | string[];
                    cc?: string | string[];
                    bcc?: string | string[];
                    reply_to?: string | string[];
                    subject?: string;
                    html?: string;
                    text?: string;
                    headers?: {
                        [key: string]: string;
                    };
                    tags?: {
                        name: string;
                        value: string;
                    }[];
                    /** @description html, text, attachments (decoded) and variables together: at most 10 MB */
                    attachments?: {
                        filename: string;
                        content: string;
                        /** @description not supported: send content instead */
                        path?: unknown;
                        content_type?: string;
                        content_id?: string;
                    }[];
                    template_id?: string;
                    variables?: {
                        [key: string]: unknown;
                    };
                    template?: {
                        id: string;
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                    /**
                     * Format: date-time
                     * @description in the future, at most 30 days ahead
                     */
                    scheduled_at?: string;
                };
            };
        };
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "status": "queued"
                     *     }
                     */
                    "application/json": components["schemas"]["EmailAccepted"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `DOMAIN_NOT_ALLOWED_FOR_KEY`: the from-domain is not the key's (allowed_domain_ids, tenant) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: the Idempotency-Key was used with a different body; `IDEMPOTENCY_REQUEST_IN_PROGRESS`: a request with this Idempotency-Key is still running; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `MESSAGE_TOO_LARGE`: html, text, attachments (decoded) and variables together exceed 10 MB; `DOMAIN_NOT_VERIFIED`: the from-domain is not verified yet; `RECIPIENT_NOT_ALLOWED_IN_SANDBOX`: the sandbox domain sends only to confirmed test inboxes; `MISSING_TEMPLATE_VARIABLE`: a declared template variable without a default has no value */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After; `QUOTA_EXCEEDED`: the send would take the tenant past its email_per_month or sms_per_month quota (live messages, UTC month); the message names the quota and period, Retry-After the seconds until it renews */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1EmailsBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours for the same body; a different body is 409 IDEMPOTENCY_KEY_REUSED */
                "Idempotency-Key"?: string;
                /** @description strict: all or none; permissive: each email on its own, refusals in errors */
                "x-batch-validation"?: "strict" | "permissive";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: string;
                    /** @description at most 50 recipients across to, cc and bcc */
                    to: string | string[];
                    cc?: string | string[];
                    bcc?: string | string[];
                    reply_to?: string | string[];
                    subject?: string;
                    html?: string;
                    text?: string;
                    headers?: {
                        [key: string]: string;
                    };
                    tags?: {
                        name: string;
                        value: string;
                    }[];
                    /** @description html, text, attachments (decoded) and variables together: at most 10 MB */
                    attachments?: {
                        filename: string;
                        content: string;
                        /** @description not supported: send content instead */
                        path?: unknown;
                        content_type?: string;
                        content_id?: string;
                    }[];
                    template_id?: string;
                    variables?: {
                        [key: string]: unknown;
                    };
                    template?: {
                        id: string;
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                    /**
                     * Format: date-time
                     * @description in the future, at most 30 days ahead
                     */
                    scheduled_at?: string;
                }[];
            };
        };
        responses: {
            /** @description accepted, in order; a permissive batch also answers errors: [{index, message, code}] for the emails it refused */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *           "status": "queued"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["EmailBatchAccepted"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `DOMAIN_NOT_ALLOWED_FOR_KEY`: the from-domain is not the key's (allowed_domain_ids, tenant) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: the Idempotency-Key was used with a different body; `IDEMPOTENCY_REQUEST_IN_PROGRESS`: a request with this Idempotency-Key is still running; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `MESSAGE_TOO_LARGE`: html, text, attachments (decoded) and variables together exceed 10 MB; `DOMAIN_NOT_VERIFIED`: the from-domain is not verified yet; `RECIPIENT_NOT_ALLOWED_IN_SANDBOX`: the sandbox domain sends only to confirmed test inboxes; `MISSING_TEMPLATE_VARIABLE`: a declared template variable without a default has no value */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After; `QUOTA_EXCEEDED`: the send would take the tenant past its email_per_month or sms_per_month quota (live messages, UTC month); the message names the quota and period, Retry-After the seconds until it renews */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1EmailsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the email */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "object": "email",
                     *       "channel": "email",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "status": "sent",
                     *       "from": "welcome@acme.com",
                     *       "to": [
                     *         "new-customer@example.com"
                     *       ],
                     *       "cc": [],
                     *       "bcc": [],
                     *       "reply_to": [],
                     *       "subject": "Welcome to Acme",
                     *       "template_id": null,
                     *       "tags": [],
                     *       "scheduled_at": null,
                     *       "sent_at": "2026-04-02T10:00:00.000Z",
                     *       "content_erased": false,
                     *       "provider_message_id": "0100018e-ses-id",
                     *       "last_error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z",
                     *       "events": []
                     *     }
                     */
                    "application/json": components["schemas"]["EmailWithEvents"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1EmailsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description in the future, at most 30 days ahead
                     */
                    scheduled_at: string;
                };
            };
        };
        responses: {
            /** @description the message */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "object": "email",
                     *       "channel": "email",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "status": "scheduled",
                     *       "from": "welcome@acme.com",
                     *       "to": [
                     *         "new-customer@example.com"
                     *       ],
                     *       "cc": [],
                     *       "bcc": [],
                     *       "reply_to": [],
                     *       "subject": "Welcome to Acme",
                     *       "template_id": null,
                     *       "tags": [],
                     *       "scheduled_at": "2026-04-02T10:00:00.000Z",
                     *       "sent_at": null,
                     *       "content_erased": false,
                     *       "provider_message_id": "0100018e-ses-id",
                     *       "last_error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MESSAGE_NOT_SCHEDULED`: only scheduled emails can be rescheduled or canceled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1EmailsIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the message */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "object": "email",
                     *       "channel": "email",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "status": "canceled",
                     *       "from": "welcome@acme.com",
                     *       "to": [
                     *         "new-customer@example.com"
                     *       ],
                     *       "cc": [],
                     *       "bcc": [],
                     *       "reply_to": [],
                     *       "subject": "Welcome to Acme",
                     *       "template_id": null,
                     *       "tags": [],
                     *       "scheduled_at": null,
                     *       "sent_at": null,
                     *       "content_erased": false,
                     *       "provider_message_id": "0100018e-ses-id",
                     *       "last_error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MESSAGE_NOT_SCHEDULED`: only scheduled emails can be rescheduled or canceled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Sms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours for the same body; a different body is 409 IDEMPOTENCY_KEY_REUSED */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    to: string;
                    default_country?: string;
                    /** @description at most 1600 bytes (UTF-8) */
                    body: string;
                    sender_id?: string;
                    origination_number?: string;
                    /**
                     * @default transactional
                     * @enum {string}
                     */
                    type?: "transactional" | "promotional";
                    tags?: {
                        name: string;
                        value: string;
                    }[];
                    /**
                     * Format: date-time
                     * @description in the future, at most 30 days ahead
                     */
                    scheduled_at?: string;
                };
            };
        };
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "status": "queued",
                     *       "to": "+14155550100",
                     *       "segments": 1,
                     *       "encoding": "GSM-7"
                     *     }
                     */
                    "application/json": components["schemas"]["SmsAccepted"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `SMS_SENDER_NOT_REGISTERED`: the SMS sender id or origination number is not registered for the key's tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: the Idempotency-Key was used with a different body; `IDEMPOTENCY_REQUEST_IN_PROGRESS`: a request with this Idempotency-Key is still running; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `INVALID_PHONE_NUMBER`: not a valid phone number (E.164, or national with default_country) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After; `QUOTA_EXCEEDED`: the send would take the tenant past its email_per_month or sms_per_month quota (live messages, UTC month); the message names the quota and period, Retry-After the seconds until it renews */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1SmsSenders: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of SMS senders */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "snd_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "type": "sender_id",
                     *           "value": "ACMEBANK",
                     *           "created_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["SmsSenderPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1SmsSenders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tenant_id?: string | null;
                    sender_id?: string;
                    origination_number?: string;
                };
            };
        };
        responses: {
            /** @description registered */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "snd_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "type": "sender_id",
                     *       "value": "ACMEBANK",
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SmsSender"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SMS_SENDER_TAKEN`: the sender id is registered in the org already, or the number in the installation */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1SmsSendersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the SMS sender */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "snd_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "type": "sender_id",
                     *       "value": "ACMEBANK",
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SmsSender"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1SmsSendersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "snd_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Messages: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                status?: "queued" | "scheduled" | "sending" | "sent" | "delivered" | "delivery_delayed" | "bounced" | "complained" | "failed" | "suppressed" | "canceled";
                channel?: "email" | "sms";
                tenant_id?: string;
                to?: string;
                tag?: string;
                created_after?: string;
                created_before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of messages */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *           "object": "email",
                     *           "channel": "email",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "status": "sent",
                     *           "from": "welcome@acme.com",
                     *           "to": [
                     *             "new-customer@example.com"
                     *           ],
                     *           "cc": [],
                     *           "bcc": [],
                     *           "reply_to": [],
                     *           "subject": "Welcome to Acme",
                     *           "template_id": null,
                     *           "tags": [],
                     *           "scheduled_at": null,
                     *           "sent_at": "2026-04-02T10:00:00.000Z",
                     *           "content_erased": false,
                     *           "provider_message_id": "0100018e-ses-id",
                     *           "last_error": null,
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MessagesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the message */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jqz6a1b2c3d4e5f6g7h8j9k0",
                     *       "object": "email",
                     *       "channel": "email",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "status": "sent",
                     *       "from": "welcome@acme.com",
                     *       "to": [
                     *         "new-customer@example.com"
                     *       ],
                     *       "cc": [],
                     *       "bcc": [],
                     *       "reply_to": [],
                     *       "subject": "Welcome to Acme",
                     *       "template_id": null,
                     *       "tags": [],
                     *       "scheduled_at": null,
                     *       "sent_at": "2026-04-02T10:00:00.000Z",
                     *       "content_erased": false,
                     *       "provider_message_id": "0100018e-ses-id",
                     *       "last_error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z",
                     *       "events": [
                     *         {
                     *           "id": "evt_01jqz6b1b2c3d4e5f6g7h8j9k0",
                     *           "type": "queued",
                     *           "recipient": null,
                     *           "data": {},
                     *           "created_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MessageWithEvents"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Suppressions: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                address?: string;
                tenant_id?: string;
                reason?: "bounce" | "complaint" | "manual" | "unsubscribe";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of suppressions */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "sup_01jqz7a1b2c3d4e5f6g7h8j9k0",
                     *           "address": "someone@example.com",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "reason": "manual",
                     *           "source": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *           "created_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["SuppressionPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Suppressions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address: string;
                    tenant_id?: string | null;
                    /**
                     * @default manual
                     * @enum {string}
                     */
                    reason?: "bounce" | "complaint" | "manual" | "unsubscribe";
                };
            };
        };
        responses: {
            /** @description the suppression */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sup_01jqz7a1b2c3d4e5f6g7h8j9k0",
                     *       "address": "someone@example.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "reason": "manual",
                     *       "source": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Suppression"];
                };
            };
            /** @description the suppression */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sup_01jqz7a1b2c3d4e5f6g7h8j9k0",
                     *       "address": "someone@example.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "reason": "manual",
                     *       "source": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Suppression"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1SuppressionsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the suppression */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sup_01jqz7a1b2c3d4e5f6g7h8j9k0",
                     *       "address": "someone@example.com",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "reason": "manual",
                     *       "source": "key_01jqz5y1a2b3c4d5e6f7g8h9j0",
                     *       "created_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Suppression"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1SuppressionsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sup_01jqz7a1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes; `ORG_WIDE_SUPPRESSION`: an org-wide suppression can only be deleted with a platform-root key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Templates: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of templates */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tpl_01jqzba1b2c3d4e5f6g7h8j9k0",
                     *           "name": "Welcome",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "subject": "Welcome, {{first_name}}",
                     *           "html": "<p>Hello {{first_name}}</p>",
                     *           "text": null,
                     *           "variables": [
                     *             {
                     *               "name": "first_name",
                     *               "default": "there"
                     *             }
                     *           ],
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["TemplatePage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tenant_id?: string | null;
                    subject: string;
                    html?: string | null;
                    text?: string | null;
                    /** @default [] */
                    variables?: {
                        name: string;
                        default?: string | number | boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description the template */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tpl_01jqzba1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Welcome",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "subject": "Welcome, {{first_name}}",
                     *       "html": "<p>Hello {{first_name}}</p>",
                     *       "text": null,
                     *       "variables": [
                     *         {
                     *           "name": "first_name",
                     *           "default": "there"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1TemplatesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tpl_01jqzba1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Welcome",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "subject": "Welcome, {{first_name}}",
                     *       "html": "<p>Hello {{first_name}}</p>",
                     *       "text": null,
                     *       "variables": [
                     *         {
                     *           "name": "first_name",
                     *           "default": "there"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1TemplatesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tpl_01jqzba1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1TemplatesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    subject?: string;
                    html?: string | null;
                    text?: string | null;
                    variables?: {
                        name: string;
                        default?: string | number | boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description the template */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tpl_01jqzba1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Welcome",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "subject": "Welcome, {{first_name}}",
                     *       "html": "<p>Hello {{first_name}}</p>",
                     *       "text": null,
                     *       "variables": [
                     *         {
                     *           "name": "first_name",
                     *           "default": "there"
                     *         }
                     *       ],
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1TemplatesIdRender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    variables?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description the rendered parts */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": "Welcome, Ada",
                     *       "html": "<p>Hello Ada</p>"
                     *     }
                     */
                    "application/json": components["schemas"]["RenderedTemplate"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `MISSING_TEMPLATE_VARIABLE`: a declared template variable without a default has no value */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Audiences: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of audiences */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *           "name": "Newsletter",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["AudiencePage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Audiences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tenant_id?: string | null;
                };
            };
        };
        responses: {
            /** @description the audience */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Newsletter",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Audience"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AudiencesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the audience */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Newsletter",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Audience"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1AudiencesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1AudiencesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description the audience */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "name": "Newsletter",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Audience"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AudiencesIdContacts: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                email?: string;
                unsubscribed?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of contacts */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "con_01jqzda1b2c3d4e5f6g7h8j9k0",
                     *           "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *           "email": "reader@example.com",
                     *           "first_name": "Ada",
                     *           "last_name": null,
                     *           "unsubscribed": false,
                     *           "metadata": {},
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ContactPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AudiencesIdContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    first_name?: string | null;
                    last_name?: string | null;
                    unsubscribed?: boolean;
                    metadata?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description the contact */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01jqzda1b2c3d4e5f6g7h8j9k0",
                     *       "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "email": "reader@example.com",
                     *       "first_name": "Ada",
                     *       "last_name": null,
                     *       "unsubscribed": false,
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CONTACT_EXISTS`: the address is already a contact of the audience */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AudiencesIdContactsImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contacts: {
                        /** Format: email */
                        email: string;
                        first_name?: string | null;
                        last_name?: string | null;
                        unsubscribed?: boolean;
                        metadata?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description the import */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "imp_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *       "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "status": "queued",
                     *       "total": 2500,
                     *       "processed": 0,
                     *       "created": 0,
                     *       "updated": 0,
                     *       "error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "finished_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["ContactImport"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AudiencesIdContactsContactId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01jqzda1b2c3d4e5f6g7h8j9k0",
                     *       "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "email": "reader@example.com",
                     *       "first_name": "Ada",
                     *       "last_name": null,
                     *       "unsubscribed": false,
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1AudiencesIdContactsContactId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01jqzda1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1AudiencesIdContactsContactId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    first_name?: string | null;
                    last_name?: string | null;
                    unsubscribed?: boolean;
                    metadata?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01jqzda1b2c3d4e5f6g7h8j9k0",
                     *       "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "email": "reader@example.com",
                     *       "first_name": "Ada",
                     *       "last_name": null,
                     *       "unsubscribed": false,
                     *       "metadata": {},
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CONTACT_EXISTS`: the address is already a contact of the audience */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AudiencesIdImportsImportId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the import */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "imp_01jqzea1b2c3d4e5f6g7h8j9k0",
                     *       "audience_id": "aud_01jqzca1b2c3d4e5f6g7h8j9k0",
                     *       "status": "completed",
                     *       "total": 2500,
                     *       "processed": 2500,
                     *       "created": 2400,
                     *       "updated": 100,
                     *       "error": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "finished_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ContactImport"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1WebhooksEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                tenant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of endpoints */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *           "url": "https://acme.com/api/sendoka-webhook",
                     *           "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *           "environment": "live",
                     *           "events": [
                     *             "message.delivered",
                     *             "message.bounced"
                     *           ],
                     *           "description": null,
                     *           "enabled": true,
                     *           "disabled_reason": null,
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "updated_at": "2026-04-02T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1WebhooksEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    tenant_id?: string | null;
                    events: ("message.queued" | "message.scheduled" | "message.sent" | "message.delivered" | "message.delivery_delayed" | "message.bounced" | "message.complained" | "message.opened" | "message.clicked" | "message.failed" | "message.suppressed" | "message.canceled" | "domain.verified" | "domain.failed" | "tenant.suspended" | "tenant.reactivated" | "tenant.deleted" | "tenant.quota_warning" | "tenant.quota_exceeded" | "webhook.endpoint_disabled")[];
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description the endpoint with its secret */
            201: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "url": "https://acme.com/api/sendoka-webhook",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "events": [
                     *         "message.delivered",
                     *         "message.bounced"
                     *       ],
                     *       "description": null,
                     *       "enabled": true,
                     *       "disabled_reason": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z",
                     *       "secret": "whsec_…"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `URL_NOT_ALLOWED`: the webhook URL is refused (scheme, private address) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1WebhooksEndpointsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the endpoint */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "url": "https://acme.com/api/sendoka-webhook",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "events": [
                     *         "message.delivered",
                     *         "message.bounced"
                     *       ],
                     *       "description": null,
                     *       "enabled": true,
                     *       "disabled_reason": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1WebhooksEndpointsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1WebhooksEndpointsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url?: string;
                    events?: ("message.queued" | "message.scheduled" | "message.sent" | "message.delivered" | "message.delivery_delayed" | "message.bounced" | "message.complained" | "message.opened" | "message.clicked" | "message.failed" | "message.suppressed" | "message.canceled" | "domain.verified" | "domain.failed" | "tenant.suspended" | "tenant.reactivated" | "tenant.deleted" | "tenant.quota_warning" | "tenant.quota_exceeded" | "webhook.endpoint_disabled")[];
                    enabled?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description the endpoint */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "url": "https://acme.com/api/sendoka-webhook",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "events": [
                     *         "message.delivered",
                     *         "message.bounced"
                     *       ],
                     *       "description": null,
                     *       "enabled": true,
                     *       "disabled_reason": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description `INVALID_JSON`: the body is not valid JSON; `MALFORMED_REQUEST`: the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip); `REQUEST_ABORTED`: the client aborted the request body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: the body is larger than the endpoint accepts: 40 MB for emails, 10 MB for contact imports, 1 MB elsewhere */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: a body sent without Content-Type: application/json (or application/*+json); `UNSUPPORTED_ENCODING`: unsupported Content-Encoding; `UNSUPPORTED_CHARSET`: unsupported charset; send UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field; `URL_NOT_ALLOWED`: the webhook URL is refused (scheme, private address) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1WebhooksEndpointsIdRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the endpoint with its new secret */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "url": "https://acme.com/api/sendoka-webhook",
                     *       "tenant_id": "tnt_01jqz5w4v8k2m3n4p5q6r7s8t9",
                     *       "environment": "live",
                     *       "events": [
                     *         "message.delivered",
                     *         "message.bounced"
                     *       ],
                     *       "description": null,
                     *       "enabled": true,
                     *       "disabled_reason": null,
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "updated_at": "2026-04-02T10:00:00.000Z",
                     *       "secret": "whsec_…",
                     *       "previous_secret_expires_at": "2026-04-02T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointRotated"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `TOO_MANY_SECRETS`: the endpoint has the most secrets in force; the message says when the oldest expires */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1WebhooksEndpointsIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description queued */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event_id": "evt_01jqz9b1b2c3d4e5f6g7h8j9k0",
                     *       "delivery_id": "whd_01jqz9a1b2c3d4e5f6g7h8j9k0"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookTestSent"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `ENDPOINT_DISABLED`: the webhook endpoint is disabled; enable it first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1WebhooksEndpointsIdDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of deliveries */
            200: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "whd_01jqz9a1b2c3d4e5f6g7h8j9k0",
                     *           "endpoint_id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *           "event_id": "evt_01jqz9b1b2c3d4e5f6g7h8j9k0",
                     *           "event_type": "message.delivered",
                     *           "status": "succeeded",
                     *           "attempt_count": 1,
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "next_attempt_at": null,
                     *           "delivered_at": "2026-04-02T10:00:00.000Z",
                     *           "created_at": "2026-04-02T10:00:00.000Z",
                     *           "attempts": [
                     *             {
                     *               "attempt": 1,
                     *               "status_code": 200,
                     *               "latency_ms": 84,
                     *               "error": null,
                     *               "attempted_at": "2026-04-02T10:00:00.000Z",
                     *               "next_attempt_at": null
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `VALIDATION_ERROR`: the message names each offending field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1WebhooksDeliveriesIdReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the delivery, pending again */
            202: {
                headers: {
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_01jqz9a1b2c3d4e5f6g7h8j9k0",
                     *       "endpoint_id": "whe_01jqz8a1b2c3d4e5f6g7h8j9k0",
                     *       "event_id": "evt_01jqz9b1b2c3d4e5f6g7h8j9k0",
                     *       "event_type": "message.delivered",
                     *       "status": "pending",
                     *       "attempt_count": 1,
                     *       "last_status_code": 200,
                     *       "last_error": null,
                     *       "next_attempt_at": null,
                     *       "delivered_at": "2026-04-02T10:00:00.000Z",
                     *       "created_at": "2026-04-02T10:00:00.000Z",
                     *       "attempts": [
                     *         {
                     *           "attempt": 1,
                     *           "status_code": 200,
                     *           "latency_ms": 84,
                     *           "error": null,
                     *           "attempted_at": "2026-04-02T10:00:00.000Z",
                     *           "next_attempt_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description `INVALID_API_KEY`: missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `MISSING_SCOPE`: the key lacks the scope named in the message; `TENANT_FORBIDDEN`: the key's tenant is suspended; `TEST_KEY_CANNOT_CHANGE_LIVE`: a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: no such resource, or another tenant's or org's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `ENDPOINT_DISABLED`: the webhook endpoint is disabled; enable it first; `DELIVERY_PENDING`: the delivery is still being attempted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `RATE_LIMITED`: the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description the key's requests a second (its tenant's api_requests_per_second) */
                    "RateLimit-Limit"?: number;
                    /** @description requests left in the current second */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the allowance renews */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
