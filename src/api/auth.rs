//! Write access: `Authorization: Bearer <token>`, compared in constant time with the token
//! the server was started with (`--admin-token` / `SEISAKU_ADMIN_TOKEN`).

use super::error::ApiError;
use super::state::AppState;
use axum::http::{HeaderMap, StatusCode, header};
use subtle::ConstantTimeEq;

/// Checks that the request carries the admin token. Without a configured token every such
/// request is refused with 403 (saying how to enable it); a missing or wrong token is 401.
pub fn require_admin(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.admin_token() else {
        return Err(ApiError::with_status(
            StatusCode::FORBIDDEN,
            "writes_disabled",
            "this endpoint needs an admin token: start the server with --admin-token TOKEN \
             (or SEISAKU_ADMIN_TOKEN) and send Authorization: Bearer TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    let Some(given) = given else {
        return Err(unauthorized("missing Authorization: Bearer token"));
    };
    if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(unauthorized("wrong admin token"))
    }
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::with_status(StatusCode::UNAUTHORIZED, "unauthorized", message)
}
