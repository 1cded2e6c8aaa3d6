//! Segmenter models from any bytes: a typed error or a working model, never a panic.
//!
//! Random bytes stop at the magic number, so the target also wraps the input as the body
//! of a segmentation model with a valid header (task `segment`, tags `B` and `I`) and
//! checksum (FNV-1a 64, as `src/tagging/model.rs` documents), which takes the parser
//! through the engine's sections and the segmenter's payload.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::WordSegmenter;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn try_model(bytes: &[u8]) {
    if let Ok(model) = WordSegmenter::from_model_bytes(bytes) {
        let _ = model.segment("Ủy ban nhân dân tỉnh Đắk Nông họp về quốc phòng.");
    }
}

fuzz_target!(|data: &[u8]| {
    try_model(data);
    let mut wrapped = b"VNTAGMDL".to_vec();
    wrapped.extend_from_slice(&1u32.to_le_bytes());
    wrapped.extend_from_slice(b"\x07segment\x02\x01B\x01I");
    wrapped.extend_from_slice(data);
    let sum = fnv1a(&wrapped);
    wrapped.extend_from_slice(&sum.to_le_bytes());
    try_model(&wrapped);
});
