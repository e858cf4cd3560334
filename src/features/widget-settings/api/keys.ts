/** Query keys of the widget settings feature. */
export const widgetKeys = {
  all: ['widgets'] as const,
  list: (orgId: string) => ['widgets', orgId, 'list'] as const,
};
