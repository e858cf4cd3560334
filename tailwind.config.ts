import type { Config } from 'tailwindcss';

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef5ff',
          100: '#d9e8ff',
          200: '#bcd5ff',
          300: '#8fb6f7',
          400: '#5e90ec',
          500: '#2f6fdf',
          600: '#1f58c2',
          700: '#1a479c',
          800: '#173a7c',
          900: '#152f61',
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
