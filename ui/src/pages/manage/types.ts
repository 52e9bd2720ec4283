// The shapes of the management API the pages below use (as @umami/api-client 0.81.0 has them).
export type PageOf<T> = { data: T[]; count: number; page: number; pageSize: number };

export type Tracked = {
  id: string;
  name: string;
  slug: string;
  url?: string; // links only: where /q/:slug redirects
  userId: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt?: string | null;
};

export type ApiKey = { id: string; name: string; keyPrefix: string; createdAt: string; lastUsedAt: string | null };
export type NewApiKey = ApiKey & { key: string };

export type TwoFactorStatus = { isEnabled: boolean; isConfigured: boolean; isRequired: boolean; globalRequired: boolean; requiredReason: string | null };
export type TwoFactorSetup = { manualKey: string; qrCodeDataUrl?: string; otpauthUri?: string; otpAuthUri?: string; uri?: string };
