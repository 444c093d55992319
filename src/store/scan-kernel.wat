;; The inner loop of ScanVectorIndex (scan-vector-index.ts), in WebAssembly
;; for its 128-bit SIMD: JavaScript has no vector instructions, and the same
;; loop in JavaScript was about 7× slower. Compiled into scan-kernel-wasm.ts by
;; `node bin/build-scan-kernel.js`; test/store/scan-kernel.test.ts checks the
;; two agree.
;;
;; Memory holds blocks of 4,096 vectors quantised to one signed byte per
;; dimension, laid out dimension by dimension: dimension d of the block's
;; vectors is one run of 4,096 bytes, a 4 KB page. A question reads only the
;; runs of its own dimensions, whole pages in order. (Runs of 256 bytes made
;; the same scan 4× slower at 100,000 vectors: each run was on another page,
;; and the misses were the TLB's.)
(module
  (memory (export "memory") 1 65536)

  ;; For each of `blocks` blocks starting at byte `codes` (`blockBytes` apart),
  ;; writes to `scores` (i32 each, in slot order) the sum over q < `count` of
  ;; code[block][dims[q] + j] × weights[q]. `dims` holds byte offsets into a
  ;; block, `weights` 16-bit integers held in i32s. The caller keeps the sum
  ;; within an i32 (|weight| × 127 × count < 2^31).
  (func (export "scan")
    (param $codes i32) (param $blocks i32) (param $blockBytes i32)
    (param $dims i32) (param $weights i32) (param $count i32) (param $scores i32)
    (local $b i32) (local $g i32) (local $q i32) (local $base i32) (local $p i32) (local $out i32)
    (local $w v128) (local $v v128) (local $x v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $out (local.get $scores))
    (block $blocksDone (loop $blocksLoop
      (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))
      (local.set $base (i32.add (local.get $codes) (i32.mul (local.get $b) (local.get $blockBytes))))
      (local.set $g (i32.const 0))
      ;; 32 vectors at a time, their sums in eight registers of four.
      (block $groupsDone (loop $groupsLoop
        (br_if $groupsDone (i32.ge_u (local.get $g) (i32.const 4096)))
        (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $a4 (v128.const i32x4 0 0 0 0)) (local.set $a5 (v128.const i32x4 0 0 0 0))
        (local.set $a6 (v128.const i32x4 0 0 0 0)) (local.set $a7 (v128.const i32x4 0 0 0 0))
        (local.set $q (i32.const 0))
        (block $dimsDone (loop $dimsLoop
          (br_if $dimsDone (i32.ge_u (local.get $q) (local.get $count)))
          (local.set $p (i32.add (i32.add (local.get $base) (local.get $g))
            (i32.load (i32.add (local.get $dims) (i32.shl (local.get $q) (i32.const 2))))))
          (local.set $w (i16x8.splat (i32.load (i32.add (local.get $weights) (i32.shl (local.get $q) (i32.const 2))))))
          (local.set $v (v128.load (local.get $p)))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $a0 (i32x4.add (local.get $a0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w))))
          (local.set $a1 (i32x4.add (local.get $a1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $a2 (i32x4.add (local.get $a2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w))))
          (local.set $a3 (i32x4.add (local.get $a3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w))))
          (local.set $v (v128.load offset=16 (local.get $p)))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $a4 (i32x4.add (local.get $a4) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w))))
          (local.set $a5 (i32x4.add (local.get $a5) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $a6 (i32x4.add (local.get $a6) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w))))
          (local.set $a7 (i32x4.add (local.get $a7) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $dimsLoop)))
        (v128.store offset=0 (local.get $out) (local.get $a0))
        (v128.store offset=16 (local.get $out) (local.get $a1))
        (v128.store offset=32 (local.get $out) (local.get $a2))
        (v128.store offset=48 (local.get $out) (local.get $a3))
        (v128.store offset=64 (local.get $out) (local.get $a4))
        (v128.store offset=80 (local.get $out) (local.get $a5))
        (v128.store offset=96 (local.get $out) (local.get $a6))
        (v128.store offset=112 (local.get $out) (local.get $a7))
        (local.set $out (i32.add (local.get $out) (i32.const 128)))
        (local.set $g (i32.add (local.get $g) (i32.const 32)))
        (br $groupsLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $blocksLoop))))
)
