import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../features/auth/SessionProvider.tsx';
import { RequireSession } from '../features/auth/RequireSession.tsx';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { HomePage } from './HomePage.tsx';

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="/"
            element={
              <RequireSession>
                <HomePage />
              </RequireSession>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
