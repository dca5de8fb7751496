//! Static file server with the deep-link fallback (owned by the infrastructure work).
