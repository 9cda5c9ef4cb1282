;; A small hand-written component for the kit's command-line tests: no guest language, no
;; imports, just core functions lifted to component functions with WIT types.
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))
    ;; swap: point -> point. A two-field record is returned through memory.
    (func (export "swap") (param i32 i32) (result i32)
      (i32.store (i32.const 16) (local.get 1))
      (i32.store (i32.const 20) (local.get 0))
      (i32.const 16))
    (func (export "negate") (param i32) (result i32)
      (i32.eqz (local.get 0)))
    (func (export "nothing"))
    (func (export "double") (param i32) (result i32)
      (i32.mul (local.get 0) (i32.const 2)))
    (func (export "boom") (result i32) unreachable))
  (core instance $i (instantiate $m))
  (type $point (record (field "x" u32) (field "y" u32)))
  (export $point-type "point" (type $point))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
  (func (export "swap") (param "p" $point-type) (result $point-type)
    (canon lift (core func $i "swap") (memory (core memory $i "memory"))))
  (func (export "negate") (param "b" bool) (result bool)
    (canon lift (core func $i "negate")))
  (func (export "nothing")
    (canon lift (core func $i "nothing")))
  (func (export "boom") (result u32)
    (canon lift (core func $i "boom")))
  ;; An exported interface, as `export demo:calc/math;` in a WIT world makes one: its
  ;; functions are called by the name interface#function.
  (func $double (param "n" u32) (result u32)
    (canon lift (core func $i "double")))
  (instance $math (export "double" (func $double)))
  (export "demo:calc/math" (instance $math)))
