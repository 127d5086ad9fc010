/**
 * Storage products whose controllers and host ports the analyzer knows from their model
 * name: for designs that name a product without drawing its controllers, and to check a
 * design that draws them against the product (array-preset-mismatch). Source: the array
 * vendor's HA white paper, its product list (docs/design/sources.md#seed-000). Port counts are for the whole array, all
 * controllers together.
 */

/** A group of identical host ports of a product. */
export interface ProductPorts {
  readonly type: 'fc' | 'iscsi';
  readonly count: number;
  readonly speedMbps: number;
}

export interface ArrayProduct {
  readonly model: string;
  readonly controllers: 1 | 2;
  /** The product's host ports as the white paper lists them. */
  readonly hostPorts: string;
  readonly ports: readonly ProductPorts[];
}

export const ARRAY_PRODUCTS: readonly ArrayProduct[] = [
  {
    model: 'FQ816R',
    controllers: 2,
    hostPorts: '8 x 8Gb FC + 4 x 1GbE iSCSI',
    ports: [{ type: 'fc', count: 8, speedMbps: 8000 }, { type: 'iscsi', count: 4, speedMbps: 1000 }],
  },
  {
    model: 'FQ1616R',
    controllers: 2,
    hostPorts: '4 x 16Gb FC + 4 x 1GbE iSCSI',
    ports: [{ type: 'fc', count: 4, speedMbps: 16_000 }, { type: 'iscsi', count: 4, speedMbps: 1000 }],
  },
  {
    model: 'AV100-G6',
    controllers: 1,
    hostPorts: '6 x 1GbE iSCSI',
    ports: [{ type: 'iscsi', count: 6, speedMbps: 1000 }],
  },
  {
    model: 'AV100-G10',
    controllers: 1,
    hostPorts: '2 x 10GbE + 6 x 1GbE iSCSI',
    ports: [{ type: 'iscsi', count: 2, speedMbps: 10_000 }, { type: 'iscsi', count: 6, speedMbps: 1000 }],
  },
];

export function findArrayProduct(model: string | undefined): ArrayProduct | undefined {
  if (model === undefined) return undefined;
  const wanted = model.trim().toUpperCase();
  return ARRAY_PRODUCTS.find((p) => p.model === wanted);
}
