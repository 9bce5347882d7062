/**
 * Names for the API's shapes, all inferred from the typed client (STYLE rule 1: never retype a shape).
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { client } from './api';

type V1 = typeof client.api.v1;
type ItemOf<List> = List extends { items: Array<infer Item> } ? Item : never;

export type Me = InferResponseType<V1['auth']['me']['$get'], 200>;
export type Admin = Me['admin'];
export type AdminRole = Admin['role'];
export type Organisation = InferResponseType<V1['organisation']['$get'], 200>;
export type OrganisationPatch = InferRequestType<V1['organisation']['$patch']>['json'];
export type Network = keyof Organisation['rates'];
export type ConversionType = keyof Organisation['conversionValues'];
export type InvitedAdmin = InferResponseType<V1['admins']['$post'], 201>;

export type Campaign = ItemOf<InferResponseType<V1['campaigns']['$get'], 200>>;
export type CampaignStatus = Campaign['status'];
export type CampaignObjective = Campaign['objective'];
export type CampaignInput = InferRequestType<V1['campaigns']['$post']>['json'];

export type Content = ItemOf<InferResponseType<V1['contents']['$get'], 200>>;
export type ContentKind = Content['kind'];
export type ContentInput = InferRequestType<V1['contents']['$post']>['json'];

export type Charter = ItemOf<InferResponseType<V1['charters']['$get'], 200>>;
export type CharterAcceptance = ItemOf<InferResponseType<V1['charters'][':version']['acceptances']['$get'], 200>>;

export type Ambassador = ItemOf<InferResponseType<V1['ambassadors']['$get'], 200>>;
export type AmbassadorStatus = Ambassador['status'];
export type AmbassadorProfile = NonNullable<Ambassador['profile']>;
export type InvitedAmbassador = InferResponseType<V1['ambassadors']['$post'], 201>;

export type ApiKey = ItemOf<InferResponseType<V1['api-keys']['$get'], 200>>;
export type ApiKeyScope = ApiKey['scopes'][number];
export type CreatedApiKey = InferResponseType<V1['api-keys']['$post'], 201>;
