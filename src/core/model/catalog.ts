/**
 * Storage products whose redundancy the analyzer knows from their model name alone, for
 * designs that name a product without drawing its controllers. Source: seed 000, the
 * vendor white paper's product table.
 */

export interface ArrayProduct {
  readonly model: string;
  readonly controllers: 1 | 2;
  readonly hostPorts: string;
}

export const ARRAY_PRODUCTS: readonly ArrayProduct[] = [
  { model: 'FQ816R', controllers: 2, hostPorts: '8 x 8Gb FC + 4 x 1GbE iSCSI' },
  { model: 'FQ1616R', controllers: 2, hostPorts: '4 x 16Gb FC + 4 x 1GbE iSCSI' },
  { model: 'AV100-G6', controllers: 1, hostPorts: '6 x 1GbE iSCSI' },
  { model: 'AV100-G10', controllers: 1, hostPorts: '2 x 10GbE + 6 x 1GbE iSCSI' },
];

export function findArrayProduct(model: string | undefined): ArrayProduct | undefined {
  if (model === undefined) return undefined;
  const wanted = model.trim().toUpperCase();
  return ARRAY_PRODUCTS.find((p) => p.model === wanted);
}
