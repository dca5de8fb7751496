//! Pure domain logic for Minutebook, with no UI in it, tested natively.
