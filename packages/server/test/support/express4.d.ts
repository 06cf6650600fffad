// The devDependency "express4" is npm:express@4, so both majors can be tested
// side by side. @types/express describes Express 5; everything these tests
// call has the same shape in 4.
declare module 'express4' {
  import express from 'express'
  export default express
}
