import { Link, type LinkProps } from 'react-router-dom';

/** An inline link: underlined, with AA contrast in both themes. */
export function TextLink({ className = '', ...props }: LinkProps) {
  return <Link className={`font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200 ${className}`} {...props} />;
}
