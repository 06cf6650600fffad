/**
 * WeChat may rotate the user's session key at any wx.login, group data is sealed with
 * the key of the moment of its group call, and code2Session answers the key of the
 * moment of the exchange: a login of the app's own anywhere between the kit's login
 * and the server's exchange of its code leaves the kit with data nothing opens. So the
 * app's login() waits for that window to close (httpResolver's request answered), and
 * the kit's login for an app login in flight.
 */
let window: Promise<unknown> = Promise.resolve()
let appLogin: Promise<unknown> = window

/**
 * Called when the kit's request has been answered: its code is spent and its data
 * opened, so another login is harmless now. (A live binding: each kit login puts the
 * closer of its own window here.)
 */
export let codeSpent = () => {}

/** The kit's login: after the app's, and it opens the window its request closes (`codeSpent`). */
export const kitLogin = <T>(login: () => Promise<T>): Promise<T> =>
  appLogin.then(() => {
    window = new Promise((resolve) => (codeSpent = resolve as () => void))
    return login()
  })

/**
 * The app's login, once the kit's window is closed, or after `limit` ms (an attempt
 * abandoned after its login, or a resolver other than httpResolver, never closes it).
 */
export function appLoginInTurn<T>(login: () => Promise<T>, limit: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = Promise.race([window, new Promise((resolve) => (timer = setTimeout(resolve, limit)))]).then(() => {
    clearTimeout(timer)
    return login()
  })
  appLogin = run.catch(() => undefined)
  return run
}
